package dev.corsfilter.browser;

import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

import java.util.EnumSet;

/**
 * The three origins of the conformance matrix, on loopback: the allowed page {@code http://127.0.0.1:<A>},
 * the API {@code http://localhost:<B>} and the other page {@code http://127.0.0.1:<C>}. The API is an
 * embedded Jetty registering, in code, one {@link CorsFilter} per policy on {@code /<policy id>/*}, in
 * front of a security filter and the {@link ProbeServlet}; or no CORS filter at all for the control run.
 */
public final class MatrixServers implements ProbeTarget, AutoCloseable {

    private static final EnumSet<DispatcherType> REQUEST_ONLY = EnumSet.of(DispatcherType.REQUEST);

    private final PageServer page;
    private final PageServer other;
    private final EmbeddedJetty api;

    private MatrixServers(PageServer page, PageServer other, EmbeddedJetty api) {
        this.page = page;
        this.other = other;
        this.api = api;
    }

    /**
     * Starts the pages and the API; see {@link BrowserCases#startMatrixServers(boolean)}.
     *
     * @param withFilter whether the API has its CORS filters; false for the control run
     * @return the running servers; close them when done
     */
    static MatrixServers start(boolean withFilter) {
        PageServer page = PageServer.start("127.0.0.1");
        PageServer other = null;
        try {
            other = PageServer.start("127.0.0.1");
            EmbeddedJetty api = new EmbeddedJetty();
            add(api, new RequestLogFilter(), "/*", REQUEST_ONLY);
            if (withFilter) {
                for (String policy : BrowserCases.POLICIES) {
                    add(api, BrowserCases.filter(policy, page.origin()), "/" + policy + "/*", EmbeddedJetty.DISPATCHES);
                }
            }
            add(api, new RequireTokenFilter(), "/*", REQUEST_ONLY);
            api.servlet("/", new ProbeServlet());
            return new MatrixServers(page, other, api.start());
        } catch (RuntimeException e) {
            page.close();
            if (other != null) {
                other.close();
            }
            throw e;
        }
    }

    private static void add(EmbeddedJetty server, Filter filter, String path, EnumSet<DispatcherType> dispatches) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        server.context().addFilter(holder, path, dispatches);
    }

    @Override
    public String pageOrigin(Page which) {
        return (which == Page.ALLOWED ? page : other).origin();
    }

    /** The API is reached as localhost, though it listens on 127.0.0.1, so that it is another origin. */
    @Override
    public String apiOrigin() {
        return "http://localhost:" + api.port();
    }

    @Override
    public String policyBase(String policy) {
        return apiOrigin() + "/" + policy;
    }

    @Override
    public void close() {
        Closing.all(api, page, other);
    }
}
