package dev.corsfilter.docs.jaxrs;

// Run by dev.corsfilter.docs.JaxRsExampleTest; shown in docs/getting-started.md.

// tag::jaxrs[]
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

import java.util.EnumSet;

public class JaxRsExample {

    public static Server start(int port) throws Exception {
        ResourceConfig resources = new ResourceConfig(ItemsResource.class);
        ServletHolder jersey = new ServletHolder(new ServletContainer(resources));
        jersey.setAsyncSupported(true);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(jersey, "/api/*");
        // In front of Jersey, for the three dispatches: pre-flights never reach a resource.
        context.addFilter(new FilterHolder(new CorsFilter(policy())), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));

        Server server = new Server(port);
        server.setHandler(context);
        server.start();
        return server;
    }

    static CorsPolicy policy() {
        return CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization")
                .allowCredentials(true)
                .build();
    }
}
// end::jaxrs[]
