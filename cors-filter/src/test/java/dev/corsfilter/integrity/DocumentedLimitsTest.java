package dev.corsfilter.integrity;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletResponseWrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases the Servlet API puts out of the filter's reach, as README and docs/security.md list them: what
 * happens there, so that the documentation stays true. In each, the application still gets its answer and
 * nothing becomes a 500; only the filter's headers are missing.
 */
class DocumentedLimitsTest {

    private static final String APP = "https://app.example.com";
    private static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).build();
    private static final EnumSet<DispatcherType> CORS_DISPATCHES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);

    /** A filter in front that commits the response before the CORS filter runs leaves it nothing to write. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void aResponseCommittedBeforeTheFilterRunsGetsNoCorsHeaders(ServletEngine engine) {
        Filter committing = (request, response, chain) -> {
            response.getWriter().print("early ");
            response.flushBuffer();
            chain.doFilter(request, response);
        };
        WebApp app = new WebApp().context("", context -> context
                .filter("committing", committing, EnumSet.of(DispatcherType.REQUEST))
                .filter("cors", new CorsFilter(POLICY), CORS_DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("page"))));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", "Origin", APP);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("early page");
            assertThat(response.corsHeaderNames()).isEmpty();
            assertThat(response.varyNames()).isEmpty();
        }
    }

    /** An application that unwraps the filter's response and resets the container's own bypasses the filter. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void writesToTheUnwrappedContainerResponseBypassTheFilter(ServletEngine engine) {
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", new CorsFilter(POLICY), CORS_DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> {
                    ((ServletResponseWrapper) response).getResponse().reset();
                    response.getWriter().print("page");
                })));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", "Origin", APP);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("page");
            assertThat(response.corsHeaderNames()).isEmpty();
        }
    }
}
