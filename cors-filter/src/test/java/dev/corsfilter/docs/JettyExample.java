package dev.corsfilter.docs;

// tag::jetty[]
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

import java.time.Duration;
import java.util.EnumSet;

public class JettyExample {

    public static void main(String[] args) throws Exception {
        start(8080).join();
    }

    static Server start(int port) throws Exception {
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();

        ServletContextHandler context = new ServletContextHandler("/");
        // First filter of the chain, for the three dispatches that produce responses to browsers.
        context.addFilter(new FilterHolder(new CorsFilter(policy)), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        // Then your authentication filter, then your servlets.
        ServletHolder api = context.addServlet(ApiServlet.class, "/api/*");
        api.setAsyncSupported(true);

        Server server = new Server(port);
        server.setHandler(context);
        server.start();
        return server;
    }
}
// end::jetty[]
