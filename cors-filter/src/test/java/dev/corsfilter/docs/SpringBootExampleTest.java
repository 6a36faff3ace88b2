package dev.corsfilter.docs;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.docs.spring.CorsFilterConfig;
import jakarta.servlet.ServletContainerInitializer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.net.URI;

import static dev.corsfilter.docs.CorsAssertions.assertExamplePolicy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot example of docs/getting-started.md ({@link CorsFilterConfig}). It does what Spring Boot does
 * with the bean at start-up — calls the {@code @Bean} method and hands the servlet context to the registration
 * ({@code ServletContextInitializer.onStartup}) while the container starts — on an embedded Jetty, then checks
 * the CORS headers over HTTP.
 */
class SpringBootExampleTest {

    /** Spring Boot registers Spring Security's filter at this order by default ({@code spring.security.filter.order}). */
    static final int SPRING_SECURITY_FILTER_ORDER = -100;

    @Test
    void filterRegistrationBeanRegistersTheFilterFirst() throws Exception {
        FilterRegistrationBean<CorsFilter> registration = new CorsFilterConfig().corsFilter();

        assertThat(registration.getOrder()).as("order of the CORS filter").isLessThan(SPRING_SECURITY_FILTER_ORDER);

        ServletContainerInitializer springBootStartup = (ignored, context) -> registration.onStartup(context);
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(springBootStartup);
        ServletHolder api = new ServletHolder(new ApiServlet());
        api.setAsyncSupported(true);
        context.addServlet(api, "/api/*");
        server.setHandler(context);
        server.start();
        try {
            assertExamplePolicy(URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()));
        } finally {
            server.stop();
        }
    }
}
