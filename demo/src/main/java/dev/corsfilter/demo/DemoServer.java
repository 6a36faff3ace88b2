package dev.corsfilter.demo;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The cors-filter demo: three small embedded Jetty servers on the loopback interface.
 *
 * <ul>
 *   <li>the <b>API</b>, {@code http://localhost:8080}: a JSON API ({@link ApiServlet}) behind a
 *       {@link CorsFilter} enforcing {@link DemoPolicy};</li>
 *   <li>the <b>page</b> origin, {@code http://127.0.0.1:8081}, which the policy allows: the playground, and
 *       {@code /explain}, which asks the same policy, in-process, what it decides about a request;</li>
 *   <li>the <b>other</b> origin, {@code http://127.0.0.1:8082}, which the policy does not allow: a frame page
 *       the playground runs requests in, to show what a stranger's page gets.</li>
 * </ul>
 *
 * <p>Run it with {@code mvn -q test-compile exec:java@demo}; see {@link DemoPorts} for choosing ports. Tests
 * use {@link #start()} and {@link #stop()} with {@link DemoPorts#anyFree()}.
 */
public final class DemoServer implements AutoCloseable {

    /** The demo listens on IPv4 loopback only: it is a local tool, never reachable from the network. */
    private static final String LOOPBACK = "127.0.0.1";

    private final DemoPorts ports;
    private final List<Server> servers = new ArrayList<>();
    private final List<ServerConnector> connectors = new ArrayList<>();
    private final List<String> portNotes = new ArrayList<>();
    private DemoOrigins origins;
    private CorsPolicy policy;

    /**
     * Creates a demo that will listen on the given ports once started.
     *
     * @param ports the ports to ask for
     */
    public DemoServer(DemoPorts ports) {
        this.ports = ports;
    }

    /**
     * Starts the demo from the command line and runs until Ctrl-C.
     *
     * @param args port options, see {@link DemoPorts}
     * @throws Exception when a server cannot start for another reason than a busy or wrong port
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("cors-filter demo: a CORS playground on the loopback interface.\n" + DemoPorts.USAGE);
            return;
        }
        DemoPorts ports;
        try {
            ports = DemoPorts.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("cors-filter demo: " + e.getMessage() + "\n" + DemoPorts.USAGE);
            System.exit(2);
            return;
        }
        chooseLogLevels();
        DemoServer demo = new DemoServer(ports);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stop, "cors-demo-shutdown"));
        try {
            demo.start();
        } catch (IOException e) {
            System.err.println("cors-filter demo: " + e.getMessage() + "\n" + DemoPorts.USAGE);
            System.exit(1);
            return;
        }
        System.out.println(demo.banner());
        demo.join();
    }

    /**
     * Binds the three ports and starts the servers.
     *
     * @throws IOException when a port asked for explicitly is busy
     * @throws Exception when a server fails to start; whatever had started is stopped again
     */
    public synchronized void start() throws Exception {
        if (!servers.isEmpty()) {
            throw new IllegalStateException("the demo is already running");
        }
        try {
            Server api = newServer("cors-demo-api");
            Server page = newServer("cors-demo-page");
            Server other = newServer("cors-demo-other");
            // The ports are bound before anything else is built, because the policy names the page's origin,
            // which is known only once its port is.
            int apiPort = bind(api, ports.api(), "API");
            int pagePort = bind(page, ports.page(), "page");
            int otherPort = bind(other, ports.other(), "other origin");
            origins = new DemoOrigins("http://localhost:" + apiPort, "http://" + LOOPBACK + ":" + pagePort,
                    "http://" + LOOPBACK + ":" + otherPort);
            policy = DemoPolicy.allowing(origins.page());
            api.setHandler(apiContext(policy));
            page.setHandler(pageContext(origins, policy));
            other.setHandler(otherContext());
            for (Server server : servers) {
                server.start();
            }
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    /** Stops every server and frees every port; does nothing when nothing runs, so it can run twice. */
    public synchronized void stop() {
        for (Server server : servers) {
            try {
                server.stop();
            } catch (Exception e) {
                System.err.println("cors-filter demo: stopping " + server + " failed: " + e);
            }
        }
        // A connector opened for a server that never started is not closed by stopping the server.
        connectors.forEach(ServerConnector::close);
        servers.clear();
        connectors.clear();
    }

    /** Same as {@link #stop()}, for try-with-resources. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Waits until the servers stop.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void join() throws InterruptedException {
        List<Server> running;
        synchronized (this) {
            running = List.copyOf(servers);
        }
        for (Server server : running) {
            server.join();
        }
    }

    /**
     * The origins the demo listens on.
     *
     * @return the origins
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized DemoOrigins origins() {
        if (origins == null) {
            throw new IllegalStateException("the demo has not started");
        }
        return origins;
    }

    /**
     * The policy the API's filter enforces.
     *
     * @return the policy
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized CorsPolicy policy() {
        if (policy == null) {
            throw new IllegalStateException("the demo has not started");
        }
        return policy;
    }

    /**
     * The playground's address.
     *
     * @return e.g. {@code http://127.0.0.1:8081/}
     */
    public String playgroundUrl() {
        return origins().page() + "/";
    }

    /**
     * What the command line prints once the demo runs: where to go, and which port replaced a busy one.
     *
     * @return several lines
     */
    public synchronized String banner() {
        StringBuilder text = new StringBuilder()
                .append("\ncors-filter demo is running; press Ctrl-C to stop it.\n\n")
                .append("  Open ").append(playgroundUrl()).append("   the playground (its origin is allowed)\n\n")
                .append("  API     ").append(origins.api()).append("/api/items   behind CorsFilter\n")
                .append("  Other   ").append(origins.other()).append("/   an origin the policy does not allow\n")
                .append("  Policy  ").append(policy).append('\n');
        portNotes.forEach(note -> text.append("  Note    ").append(note).append('\n'));
        return text.toString();
    }

    private Server newServer(String name) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName(name);
        Server server = new Server(threads);
        servers.add(server);
        return server;
    }

    /** Binds a connector now, so that a busy port is noticed, and replaced if allowed, before starting. */
    private int bind(Server server, DemoPorts.Port port, String name) throws IOException {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(LOOPBACK);
        connector.setPort(port.number());
        connectors.add(connector);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException busy) {
            if (!port.fallBackToFree()) {
                throw new IOException("cannot listen on port " + port.number() + " for the " + name + ": "
                        + busy.getMessage(), busy);
            }
            connector.setPort(0);
            connector.open();
            portNotes.add("port " + port.number() + " was busy, so the " + name + " uses port "
                    + connector.getLocalPort());
        }
        return connector.getLocalPort();
    }

    private static ServletContextHandler apiContext(CorsPolicy policy) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // First in the chain and on error dispatches too, so that even a 500 carries CORS headers.
        FilterHolder cors = new FilterHolder(new CorsFilter(policy));
        cors.setName("cors");
        context.addFilter(cors, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new ApiServlet()), "/api/*");
        context.addServlet(new ServletHolder(new ApiErrorServlet()), "/error");
        ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
        errorPages.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, "/error");
        context.setErrorHandler(errorPages);
        return context;
    }

    private static ServletContextHandler pageContext(DemoOrigins origins, CorsPolicy policy) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ConfigServlet(origins, policy.toString())), "/config");
        context.addServlet(new ServletHolder(new ExplainServlet(new Explainer(policy, origins.api()))), "/explain");
        addFiles(context, Map.of("/", "index.html", "/playground.css", "playground.css",
                "/playground.js", "playground.js", "/send.js", "send.js"));
        return context;
    }

    private static ServletContextHandler otherContext() {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        addFiles(context, Map.of("/", "frame.html", "/frame.html", "frame.html", "/frame.js", "frame.js",
                "/send.js", "send.js"));
        return context;
    }

    private static void addFiles(ServletContextHandler context, Map<String, String> files) {
        HttpServlet servlet = new StaticFilesServlet(files);
        context.addServlet(new ServletHolder(servlet), "/");
    }

    /**
     * Makes the console show the demo's URLs and the filter's decisions rather than Jetty's start-up lines:
     * Jetty logs warnings only, and the filter logs at debug level, where it says why it refuses a request.
     * Levels set with {@code -D} on the command line win.
     */
    private static void chooseLogLevels() {
        System.getProperties().putIfAbsent("org.eclipse.jetty.LEVEL", "WARN");
        System.getProperties().putIfAbsent("dev.corsfilter.LEVEL", "DEBUG");
    }
}
