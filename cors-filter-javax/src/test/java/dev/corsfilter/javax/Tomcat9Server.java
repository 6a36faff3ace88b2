package dev.corsfilter.javax;

import dev.corsfilter.testing.Project;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.nio.file.Path;

/**
 * An embedded Tomcat 9 (Servlet 4.0, {@code javax.servlet}) on a free loopback port, deploying one of the
 * webapps of {@code src/test/resources/webapps/} twice, each read from its {@code WEB-INF/web.xml} as in
 * production:
 * <ul>
 *   <li>at {@link #VALVE} without an error page, so Tomcat's {@code ErrorReportValve} renders errors after the
 *       filter chain has returned;</li>
 *   <li>at {@link #PAGED} with a default error page, so errors become an ERROR dispatch to {@code /error-page}.</li>
 * </ul>
 * The webapps load the library (the relocated jar) from the test class path and the harness's servlets
 * through the {@link #HARNESS} loader. A webapp that fails to start leaves its context unavailable, as in a
 * standalone Tomcat.
 *
 * @param tomcat the running Tomcat
 */
public record Tomcat9Server(Tomcat tomcat) implements AutoCloseable {

    /** The context whose errors Tomcat's ErrorReportValve renders. */
    public static final String VALVE = "/valve";
    /** The context whose errors go to an error page by an ERROR dispatch. */
    public static final String PAGED = "/paged";

    /** The browser harness's servlet and filters, relocated to javax.servlet. */
    static final ClassLoader HARNESS = new RelocatingClassLoader(Tomcat9Server.class.getClassLoader(),
            "dev.corsfilter.browser.ProbeServlet", "dev.corsfilter.browser.RequestLogFilter",
            "dev.corsfilter.browser.RequireTokenFilter");

    /**
     * Starts Tomcat with one of this module's webapps at both paths.
     *
     * @param webapp the directory under {@code webapps/}, e.g. {@code cred}
     * @param workDirectory an empty directory for Tomcat's files, which the caller deletes
     * @return the running server
     * @throws LifecycleException when Tomcat itself cannot start
     */
    public static Tomcat9Server start(String webapp, Path workDirectory) throws LifecycleException {
        return start(Project.path("cors-filter-javax/src/test/resources/webapps/" + webapp), workDirectory);
    }

    /**
     * Starts Tomcat with a webapp at both paths.
     *
     * @param docBase the webapp's directory, with its {@code WEB-INF/web.xml}
     * @param workDirectory an empty directory for Tomcat's files, which the caller deletes
     * @return the running server
     * @throws LifecycleException when Tomcat itself cannot start
     */
    public static Tomcat9Server start(Path docBase, Path workDirectory) throws LifecycleException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDirectory.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // No conf/web.xml defaults: no JSP servlet, which tomcat-embed-core does not have.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        deploy(tomcat, VALVE, docBase);
        ErrorPage anyError = new ErrorPage();
        anyError.setLocation("/error-page");
        deploy(tomcat, PAGED, docBase).addErrorPage(anyError);
        tomcat.start();
        return new Tomcat9Server(tomcat);
    }

    private static Context deploy(Tomcat tomcat, String path, Path docBase) {
        Context context = tomcat.addWebapp(path, docBase.toString());
        context.setParentClassLoader(HARNESS);
        // The test class path is large and holds no web fragments: scanning it would only cost time.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        return context;
    }

    /**
     * The port Tomcat listens on, on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /**
     * Whether a context started.
     *
     * @param path {@link #VALVE} or {@link #PAGED}
     * @return true when it serves requests
     */
    public boolean available(String path) {
        return tomcat.getHost().findChild(path).getState().isAvailable();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
