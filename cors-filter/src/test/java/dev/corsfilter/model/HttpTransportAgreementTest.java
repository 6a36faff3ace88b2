package dev.corsfilter.model;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.model.Scenarios.PolicySpec;
import dev.corsfilter.model.Scenarios.RequestSpec;
import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process transport against the real thing: generated scenarios run twice, once into the filter
 * with the fake servlet objects and once over loopback HTTP ({@link HttpClientTransport}) to an embedded
 * Jetty running the same filter and application, and both runs must end the same way. Jetty adds its own
 * headers ({@code Date}, {@code Server}, ...), so readable headers are compared with the policy's intent
 * for each response rather than with each other. One server for all tries; the filter is reconfigured.
 */
class HttpTransportAgreementTest {

    private static final CorsFilter FILTER = new CorsFilter(CorsPolicy.builder().allowAnyOrigin().build());
    private static final AppServlet APP = new AppServlet();
    private static EmbeddedJetty jetty;

    /** Plays the {@link FakeApplication} of the current try inside Jetty. */
    static final class AppServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private transient volatile FakeApplication current;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            current.doFilter(request, response);
        }
    }

    @BeforeContainer
    static void startServer() {
        jetty = new EmbeddedJetty().filter(FILTER).servlet("/*", APP).start();
    }

    @AfterContainer
    static void stopServer() {
        if (jetty != null) {
            jetty.close();
        }
    }

    @Provide
    Arbitrary<PolicySpec> policies() {
        return Scenarios.policies();
    }

    @Provide
    Arbitrary<RequestSpec> requests() {
        return Scenarios.requests();
    }

    @Property(tries = 150)
    void overHttpTheModelReachesTheSameVerdictAsInProcess(@ForAll("policies") PolicySpec spec,
                                                          @ForAll("requests") RequestSpec request) {
        CorsPolicy policy = spec.build();
        URI target = URI.create("http://127.0.0.1:" + jetty.port()).resolve(request.path());

        FILTER.reconfigure(policy);
        APP.current = new FakeApplication(request.appStatus(), Scenarios.APP_HEADERS);
        ModelOutcome overHttp = freshBrowser(target).fetch(target, request.pageOrigin(), request.toModelRequest(),
                new HttpClientTransport());
        ModelOutcome inProcess = freshBrowser(target).fetch(target, request.pageOrigin(), request.toModelRequest(),
                new ServletTransport(new CorsFilter(policy), new FakeApplication(request.appStatus(), Scenarios.APP_HEADERS)));

        String context = "over HTTP:  " + PolicyIntentPropertiesTest.describe(spec, request, overHttp)
                + "in-process: " + inProcess.describe();
        assertThat(overHttp.kind()).as(context).isEqualTo(inProcess.kind());
        assertThat(overHttp.failedRule()).as(context).isEqualTo(inProcess.failedRule());
        assertThat(overHttp.failedInPreflight()).as(context).isEqualTo(inProcess.failedInPreflight());
        assertThat(overHttp.status()).as(context).isEqualTo(inProcess.status());
        assertThat(overHttp.preflights()).as(context).isEqualTo(inProcess.preflights());
        assertThat(overHttp.redirected()).as(context).isEqualTo(inProcess.redirected());
        assertThat(overHttp.credentialsIncluded()).as(context).isEqualTo(inProcess.credentialsIncluded());
        if (!overHttp.networkError()) {
            WireResponse last = overHttp.exchanges().get(overHttp.exchanges().size() - 1).response();
            assertThat(overHttp.readableHeaders()).as(context)
                    .isEqualTo(new PolicyIntent(policy).readable(last.headers().names(), request.credentials()));
        }
    }

    private static ModelBrowser freshBrowser(URI target) {
        ModelBrowser browser = new ModelBrowser(new MutableClock());
        browser.cookies().store(target, "sid=session");
        return browser;
    }
}
