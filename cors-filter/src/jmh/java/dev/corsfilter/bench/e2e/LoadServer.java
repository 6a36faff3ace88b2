package dev.corsfilter.bench.e2e;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.bench.Policy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end-to-end load test's server (bench/e2e.sh): identical embedded Jetty 12 servers in one JVM, on free
 * loopback ports, serving {@code GET /api/items} from a trivial servlet:
 * <ul>
 *   <li>{@code none}: no filter;</li>
 *   <li>{@code empty}: a filter that only calls the chain (what any filter costs in Jetty);</li>
 *   <li>{@code constant}: a filter that sets cors-filter's four response headers from constants;</li>
 *   <li>{@code cors}: cors-filter, with the benchmark policy.</li>
 * </ul>
 * The load generator ({@code wrk}, another process) sends the same allowed CORS request to one server at a
 * time, so the process's CPU time and allocation during a run are that server's. A fifth server answers
 * {@code GET /usage} with two numbers: the process's CPU time in ns, and the bytes its live threads have
 * allocated, which the script reads before and after every run.
 *
 * <p>Arguments: the file to write {@code label port} lines to once every server answers correctly, and the
 * lifetime in seconds after which the process exits by itself (a bound in case the script dies).
 */
public final class LoadServer {

    private static final byte[] BODY = "{\"items\":[]}\n".getBytes(StandardCharsets.UTF_8);
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private LoadServer() {
    }

    /** The application: a constant small JSON body. */
    public static final class ItemsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }

    public static void main(String[] args) throws Exception {
        Path portsFile = Path.of(args[0]);
        long lifetimeSeconds = args.length > 1 ? Long.parseLong(args[1]) : 900;
        Thread reaper = new Thread(() -> {
            try {
                Thread.sleep(lifetimeSeconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("LoadServer: lifetime of " + lifetimeSeconds + " s over, exiting");
            System.exit(0);
        }, "lifetime");
        reaper.setDaemon(true);
        reaper.start();

        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins(Policy.ONE_ORIGIN.allOrigins())
                .allowedMethods(Policy.EXTRA_METHODS)
                .allowedHeaders(Policy.ALLOWED_HEADERS)
                .exposedHeaders(Policy.EXPOSED_HEADERS)
                .allowCredentials(true)
                .maxAge(Duration.ofSeconds(Policy.MAX_AGE_SECONDS))
                .build();
        Map<String, Filter> filters = new LinkedHashMap<>();
        filters.put("none", null);
        filters.put("empty", new EmptyFilter());
        filters.put("constant", new ConstantHeadersFilter());
        filters.put("cors", new CorsFilter(policy));
        Map<String, Server> servers = new LinkedHashMap<>();
        StringBuilder ports = new StringBuilder();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        boolean ok = true;
        for (Map.Entry<String, Filter> entry : filters.entrySet()) {
            Server server = server(entry.getValue());
            server.start();
            servers.put(entry.getKey(), server);
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            ports.append(entry.getKey()).append(' ').append(port).append('\n');
            HttpResponse<String> response = get(client, port);
            boolean cors = !entry.getKey().equals("none") && !entry.getKey().equals("empty");
            boolean good = response.statusCode() == 200 && (cors
                    ? response.headers().firstValue("Access-Control-Allow-Origin").orElse("").equals(Policy.ORIGIN)
                    && response.headers().firstValue("Access-Control-Allow-Credentials").orElse("").equals("true")
                    && response.headers().allValues("Vary").toString().contains("Origin")
                    : response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
            System.out.println(entry.getKey() + ": " + response.statusCode() + " " + response.headers().map()
                    + (good ? "" : "  <-- WRONG"));
            ok &= good;
        }
        if (!ok) {
            System.err.println("LoadServer: sanity check failed");
            System.exit(2);
        }
        Server usage = usageServer();
        usage.start();
        ports.append("usage ").append(((ServerConnector) usage.getConnectors()[0]).getLocalPort()).append('\n');
        Files.writeString(portsFile, ports.toString());
        System.out.println("READY\n" + ports);
        servers.get("none").join();
    }

    private static HttpResponse<String> get(HttpClient client, int port) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items"))
                .header("Origin", Policy.ORIGIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Passes every request on. */
    public static final class EmptyFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(request, response);
        }
    }

    /** Sets the four headers cors-filter sets on an allowed GET, from constants, and passes the request on. */
    public static final class ConstantHeadersFilter implements Filter {
        private static final String EXPOSED = String.join(", ", Policy.EXPOSED_HEADERS);

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletResponse http = (HttpServletResponse) response;
            http.addHeader("Vary", "Origin");
            http.setHeader("Access-Control-Allow-Origin", Policy.ORIGIN);
            http.setHeader("Access-Control-Allow-Credentials", "true");
            http.setHeader("Access-Control-Expose-Headers", EXPOSED);
            chain.doFilter(request, response);
        }
    }

    /** Answers {@code GET /usage}: the process's CPU time (ns) and the bytes its live threads allocated. */
    private static Server usageServer() {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, ByteBuffer.wrap((OS.getProcessCpuTime() + " " + allocatedBytes() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)), callback);
                return true;
            }
        });
        return server;
    }

    private static long allocatedBytes() {
        long[] bytes = THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds());
        long sum = 0;
        for (long value : bytes) {
            sum += Math.max(0, value);
        }
        return sum;
    }

    private static Server server(Filter filter) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/*",
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        }
        context.addServlet(new ServletHolder(new ItemsServlet()), "/api/items");
        server.setHandler(context);
        return server;
    }
}
