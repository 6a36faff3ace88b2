package dev.corsfilter.browser;

import dev.corsfilter.testing.EmbeddedJetty;

/**
 * A Jetty on a free loopback port serving only the probe page: one per page origin. It has no CORS filter
 * and needs none; the pages only call out.
 */
public final class PageServer implements AutoCloseable {

    private final EmbeddedJetty jetty;
    private final String host;

    private PageServer(EmbeddedJetty jetty, String host) {
        this.jetty = jetty;
        this.host = host;
    }

    /**
     * Starts a page server.
     *
     * @param host the host name the browser uses for it, {@code 127.0.0.1} or {@code localhost}; the
     *     server listens on 127.0.0.1 either way, and the name alone makes a different origin
     * @return the running server
     */
    public static PageServer start(String host) {
        EmbeddedJetty jetty = new EmbeddedJetty().servlet(PageServlet.PATH, new PageServlet());
        return new PageServer(jetty.start(), host);
    }

    /**
     * The page's origin.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String origin() {
        return "http://" + host + ":" + jetty.port();
    }

    @Override
    public void close() {
        jetty.close();
    }
}
