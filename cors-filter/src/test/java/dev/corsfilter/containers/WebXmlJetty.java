package dev.corsfilter.containers;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * A Jetty 12 server deploying one of the test webapps of {@code src/test/resources/webapp/} with a real
 * {@link WebAppContext}, so that its {@code WEB-INF/web.xml} is read exactly as in production: the
 * container instantiates {@code dev.corsfilter.CorsFilter} and passes it the init-params.
 */
final class WebXmlJetty implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final WebAppContext webapp;

    private WebXmlJetty(String name, boolean failOnUnavailable) {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(webappDirectory(name));
        // The webapp has no WEB-INF/classes: its classes come from the test class path, as one shared copy,
        // so the static RequestLog the tests read is the one the webapp writes.
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(failOnUnavailable);
        server.setHandler(webapp);
    }

    /**
     * Prepares a server for a webapp; call {@link #start()}.
     *
     * @param name the directory under {@code webapp/} on the test class path, e.g. {@code good}
     * @param failOnUnavailable whether a webapp that fails to start makes {@link #start()} throw, instead of
     *     leaving the context unavailable (answering 503) as Jetty does by default
     * @return the server, not started
     */
    static WebXmlJetty of(String name, boolean failOnUnavailable) {
        return new WebXmlJetty(name, failOnUnavailable);
    }

    /**
     * Starts the server and deploys the webapp.
     *
     * @return this server
     * @throws Exception whatever Jetty throws
     */
    WebXmlJetty start() throws Exception {
        server.start();
        return this;
    }

    WebAppContext webapp() {
        return webapp;
    }

    int port() {
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

    private static Path webappDirectory(String name) {
        URL url = WebXmlJetty.class.getResource("/webapp/" + name);
        if (url == null) {
            throw new IllegalStateException("webapp/" + name + " is missing from the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
