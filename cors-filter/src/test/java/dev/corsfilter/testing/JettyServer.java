package dev.corsfilter.testing;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** A {@link WebApp} on embedded Jetty 12 (ee10). */
final class JettyServer implements RunningServer {

    private final Server server;
    private final ServerConnector connector;

    private JettyServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static JettyServer start(WebApp app) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (WebApp.Context context : app.contexts()) {
            contexts.addHandler(handler(context));
        }
        server.setHandler(contexts);
        JettyServer running = new JettyServer(server, connector);
        try {
            server.start();
        } catch (Exception e) {
            running.close();
            throw new IllegalStateException("Jetty did not start", e);
        }
        return running;
    }

    private static Handler handler(WebApp.Context context) {
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath(context.path().isEmpty() ? "/" : context.path());
        for (WebApp.FilterEntry entry : context.filters()) {
            FilterHolder holder = new FilterHolder(entry.filter());
            holder.setName(entry.name());
            holder.setAsyncSupported(true);
            handler.addFilter(holder, entry.urlPattern(), entry.dispatches());
        }
        context.servlets().forEach((pathSpec, servlet) -> {
            ServletHolder holder = new ServletHolder(servlet);
            holder.setAsyncSupported(true);
            handler.addServlet(holder, pathSpec);
        });
        if (context.errorPage() != null) {
            ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
            errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, context.errorPage());
            handler.setErrorHandler(errors);
        }
        return handler;
    }

    @Override
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
