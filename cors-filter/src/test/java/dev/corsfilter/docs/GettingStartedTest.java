package dev.corsfilter.docs;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static dev.corsfilter.docs.CorsAssertions.assertExamplePolicy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every registration example of docs/getting-started.md in the container it is written for and checks
 * the CORS headers over HTTP. (The web.xml examples are deployed by {@link DocSnippetsTest}; Spring Boot's by
 * {@link SpringBootExampleTest}.)
 */
class GettingStartedTest {

    @TempDir
    Path temp;

    @Test
    void embeddedJetty() throws Exception {
        Server server = JettyExample.start(0);
        try {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            assertExamplePolicy(URI.create("http://127.0.0.1:" + port));
        } finally {
            server.stop();
        }
    }

    @Test
    void embeddedTomcat() throws Exception {
        Tomcat tomcat = TomcatExample.start(0);
        try {
            assertExamplePolicy(URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort()));
        } finally {
            stop(tomcat);
        }
    }

    /** A servlet container initializer run by Jetty at start-up, as a container runs one found in a jar. */
    @Test
    void servletContainerInitializer() throws Exception {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(new CorsInitializer());
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

    /**
     * The {@code @WebFilter} subclass, found the way a container finds it: Tomcat scans the webapp's
     * WEB-INF/classes for annotations and registers the filter with its init-params.
     */
    @Test
    void webFilterAnnotationFoundByTomcat() throws Exception {
        Path webapp = temp.resolve("webapp");
        Path classFile = webapp.resolve("WEB-INF/classes/" + AppCorsFilter.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(classFile.getParent());
        try (InputStream in = AppCorsFilter.class.getResourceAsStream(AppCorsFilter.class.getSimpleName() + ".class")) {
            Files.copy(in, classFile);
        }
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet>
                    <servlet-name>api</servlet-name>
                    <servlet-class>dev.corsfilter.docs.ApiServlet</servlet-class>
                    <async-supported>true</async-supported>
                  </servlet>
                  <servlet-mapping><servlet-name>api</servlet-name><url-pattern>/api/*</url-pattern></servlet-mapping>
                </web-app>
                """);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(temp.resolve("tomcat").toString());
        tomcat.setPort(0);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", webapp.toString());
        // The test class path also holds Jetty's WebSocket initializer, which only runs in Jetty.
        ((org.apache.catalina.core.StandardContext) context).setContainerSciFilter("org\\.eclipse\\.jetty\\..*");
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        tomcat.getConnector();
        tomcat.start();
        try {
            assertThat(context.findFilterDefs()).extracting(definition -> definition.getFilterClass())
                    .containsExactly(AppCorsFilter.class.getName());
            assertExamplePolicy(URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort()));
        } finally {
            stop(tomcat);
        }
    }

    static void stop(Tomcat tomcat) throws Exception {
        String baseDir = tomcat.getServer().getCatalinaBase().getPath();
        tomcat.stop();
        tomcat.destroy();
        try (Stream<Path> paths = Files.walk(Path.of(baseDir))) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
