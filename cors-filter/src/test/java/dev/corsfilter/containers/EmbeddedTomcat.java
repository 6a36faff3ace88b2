package dev.corsfilter.containers;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.browser.ProbeServlet;
import dev.corsfilter.browser.RequestLogFilter;
import dev.corsfilter.browser.RequireTokenFilter;
import jakarta.servlet.Filter;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An embedded Tomcat 11 on a free loopback port with the filter registered in code, in two contexts that
 * differ only in how errors are rendered:
 *
 * <ul>
 *   <li>{@link #VALVE_CONTEXT} ({@code /valve}) has no error page, so Tomcat's own {@code ErrorReportValve}
 *       writes the page for {@code sendError} and for exceptions, after the filter chain has returned;</li>
 *   <li>{@link #ERROR_PAGE_CONTEXT} ({@code /paged}) has a default error page, so errors become an ERROR
 *       dispatch, which the filter is registered for.</li>
 * </ul>
 */
final class EmbeddedTomcat implements AutoCloseable {

    /** The context whose errors Tomcat's ErrorReportValve renders. */
    static final String VALVE_CONTEXT = "/valve";
    /** The context whose errors go to an error page by an ERROR dispatch. */
    static final String ERROR_PAGE_CONTEXT = "/paged";

    private final Tomcat tomcat;
    private final Path baseDir;

    private EmbeddedTomcat(Tomcat tomcat, Path baseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
    }

    /**
     * Starts Tomcat with both contexts.
     *
     * @param policy the policy both contexts' filters enforce
     * @return the running server
     */
    static EmbeddedTomcat start(CorsPolicy policy) {
        Path baseDir;
        try {
            baseDir = Files.createTempDirectory("cors-tomcat-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        addContext(tomcat, VALVE_CONTEXT, policy, false);
        addContext(tomcat, ERROR_PAGE_CONTEXT, policy, true);
        EmbeddedTomcat server = new EmbeddedTomcat(tomcat, baseDir);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            server.close();
            throw new IllegalStateException("Tomcat did not start", e);
        }
        return server;
    }

    private static void addContext(Tomcat tomcat, String path, CorsPolicy policy, boolean errorPage) {
        Context context = tomcat.addContext(path, null);
        // In registration order: the log must see pre-flights, CORS must come before security.
        addFilter(context, "request-log", new RequestLogFilter(), List.of("REQUEST"));
        addFilter(context, "cors", new CorsFilter(policy), List.of("REQUEST", "ASYNC", "ERROR"));
        addFilter(context, "require-token", new RequireTokenFilter(), List.of("REQUEST"));
        Tomcat.addServlet(context, "probe", new ProbeServlet()).setAsyncSupported(true);
        context.addServletMapping("/", "probe");
        if (errorPage) {
            // No code and no exception type: the default error page, for every status and exception.
            ErrorPage page = new ErrorPage();
            page.setLocation("/error-page");
            context.addErrorPage(page);
        }
    }

    private static void addFilter(Context context, String name, Filter filter, List<String> dispatches) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilter(filter);
        definition.setFilterClass(filter.getClass().getName());
        definition.setAsyncSupported("true");
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName(name);
        mapping.addURLPattern("/*");
        dispatches.forEach(mapping::setDispatcher);
        context.addFilterMap(mapping);
    }

    /**
     * The port Tomcat listens on, on 127.0.0.1.
     *
     * @return the port
     */
    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop", e);
        } finally {
            try (Stream<Path> paths = Files.walk(baseDir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A leftover temporary directory is harmless.
            }
        }
    }
}
