package dev.corsfilter.testing;

import jakarta.servlet.DispatcherType;
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
import java.util.stream.Stream;

/** A {@link WebApp} on embedded Tomcat 11, in a temporary base directory removed on close. */
final class TomcatServer implements RunningServer {

    private final Tomcat tomcat;
    private final Path baseDir;

    private TomcatServer(Tomcat tomcat, Path baseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
    }

    static TomcatServer start(WebApp app) {
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
        app.contexts().forEach(context -> deploy(tomcat, context));
        TomcatServer running = new TomcatServer(tomcat, baseDir);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            running.close();
            throw new IllegalStateException("Tomcat did not start", e);
        }
        return running;
    }

    private static void deploy(Tomcat tomcat, WebApp.Context spec) {
        Context context = tomcat.addContext(spec.path(), null);
        for (WebApp.FilterEntry entry : spec.filters()) {
            FilterDef definition = new FilterDef();
            definition.setFilterName(entry.name());
            definition.setFilter(entry.filter());
            definition.setFilterClass(entry.filter().getClass().getName());
            definition.setAsyncSupported("true");
            context.addFilterDef(definition);
            FilterMap mapping = new FilterMap();
            mapping.setFilterName(entry.name());
            mapping.addURLPattern(entry.urlPattern());
            for (DispatcherType dispatch : entry.dispatches()) {
                mapping.setDispatcher(dispatch.name());
            }
            context.addFilterMap(mapping);
        }
        int n = 0;
        for (var servlet : spec.servlets().entrySet()) {
            String name = "servlet-" + n++;
            Tomcat.addServlet(context, name, servlet.getValue()).setAsyncSupported(true);
            context.addServletMappingDecoded(servlet.getKey(), name);
        }
        if (spec.errorPage() != null) {
            // No code and no exception type: the default error page, for every status and exception.
            ErrorPage page = new ErrorPage();
            page.setLocation(spec.errorPage());
            context.addErrorPage(page);
        }
    }

    @Override
    public int port() {
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
