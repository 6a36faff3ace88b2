package dev.corsfilter.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.util.EnumSet;

/**
 * An embedded Jetty 12 (ee10) on a free loopback port, with filters and servlets registered in code, as
 * users of embedded Jetty do. Close it to stop the server.
 */
public final class EmbeddedJetty implements AutoCloseable {

    /** The dispatches the filter is registered for, as the README recommends. */
    public static final EnumSet<DispatcherType> DISPATCHES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);

    private final Server server;
    private final ServletContextHandler context;
    private final ServerConnector connector;

    /** Prepares a server on 127.0.0.1 and a free port; add filters and servlets, then {@link #start()}. */
    public EmbeddedJetty() {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler();
        context.setContextPath("/");
        server.setHandler(context);
    }

    /**
     * Registers a filter for every path and the {@link #DISPATCHES}.
     *
     * @param filter the filter
     * @return this server
     */
    public EmbeddedJetty filter(Filter filter) {
        context.addFilter(new FilterHolder(filter), "/*", DISPATCHES);
        return this;
    }

    /**
     * Registers a servlet.
     *
     * @param path the path spec, e.g. {@code /api/*}
     * @param servlet the servlet
     * @return this server
     */
    public EmbeddedJetty servlet(String path, HttpServlet servlet) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, path);
        return this;
    }

    /**
     * The context, for registrations this class has no shortcut for.
     *
     * @return the servlet context handler
     */
    public ServletContextHandler context() {
        return context;
    }

    /**
     * Starts the server.
     *
     * @return this server
     */
    public EmbeddedJetty start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
        return this;
    }

    /**
     * The base address, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return the URI without a trailing slash
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
