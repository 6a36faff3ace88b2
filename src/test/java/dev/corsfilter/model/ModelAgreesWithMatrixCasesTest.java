package dev.corsfilter.model;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.BrowserCases;
import dev.corsfilter.browser.Closing;
import dev.corsfilter.browser.Expected;
import dev.corsfilter.browser.MatrixServers;
import dev.corsfilter.browser.Observation;
import dev.corsfilter.browser.Outcome;
import dev.corsfilter.browser.RequestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chromium conformance matrix without Chromium: every {@link BrowserCases#all() case} runs through the
 * {@link ModelBrowser} over loopback HTTP against the matrix's own servers (the pages' origins, the API with
 * one {@code CorsFilter} per policy, the {@code RequestLog}), and what the model and the server saw must
 * match the case's expected outcome, checked by the matrix's own {@code Expected.mismatches}.
 *
 * <p>So the same expectations are held against two independent browsers: Chromium in the matrix tests, the
 * model here. A case failing only here points at the model or at the expectation; failing in both, at the
 * filter. Like the matrix, it also has a control run without the filter.
 */
class ModelAgreesWithMatrixCasesTest {

    /** The cases against the matrix servers with their CORS filters: each must end as expected. */
    @Nested
    class WithTheFilter extends MatrixRun {
        WithTheFilter() {
            super(true);
        }

        @Override
        Expected expected(BrowserCase browserCase) {
            return browserCase.expected();
        }
    }

    /**
     * The control run: the same servers without any CORS filter, where every CORS-mode case must fail, so
     * that the run above proves something about the filter and not just about the model.
     */
    @Nested
    class ControlRunWithoutTheFilter extends MatrixRun {
        ControlRunWithoutTheFilter() {
            super(false);
        }

        @Override
        Expected expected(BrowserCase browserCase) {
            return browserCase.expectedWithoutFilter();
        }
    }

    /** One run of every case through one model browser against one set of matrix servers. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class MatrixRun {

        private final boolean withFilter;
        private final String runId = UUID.randomUUID().toString().substring(0, 8);
        private final HttpClientTransport transport = new HttpClientTransport();
        private MatrixServers servers;
        private ModelBrowser browser;

        MatrixRun(boolean withFilter) {
            this.withFilter = withFilter;
        }

        abstract Expected expected(BrowserCase browserCase);

        @BeforeAll
        void start() throws IOException {
            servers = BrowserCases.startMatrixServers(withFilter);
            // A clock that stands still: a case's repeated calls come "immediately" after each other.
            browser = new ModelBrowser(new MutableClock());
            // The matrix opens the cookie page as a top-level page; the model simply keeps what it sets.
            URI cookieUrl = URI.create(servers.cookieUrl());
            WireResponse page = transport.send(new WireRequest("GET", cookieUrl, HeaderList.empty(), null, false));
            page.headers().values("Set-Cookie").forEach(value -> browser.cookies().store(cookieUrl, value));
            assertThat(browser.cookies().cookieHeader(cookieUrl)).as("session cookie from " + cookieUrl).isNotNull();
        }

        @AfterAll
        void stop() {
            Closing.all(servers);
        }

        List<BrowserCase> cases() {
            return BrowserCases.all();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void theModelSeesWhatFetchRequires(BrowserCase browserCase) {
            String key = runId + ".model." + browserCase.policy() + "." + browserCase.name();
            BrowserCase.Request request = browserCase.request();
            String endpoint = request.endpoint();
            URI url = URI.create(servers.policyBase(browserCase.policy()) + "/" + endpoint
                    + (endpoint.contains("?") ? "&" : "?") + RequestLog.KEY_PARAMETER + "=" + key);
            String pageOrigin = servers.pageOrigin(browserCase.page());

            List<ModelOutcome> attempts = new ArrayList<>();
            for (int i = 0; i < Math.max(1, request.repeat()); i++) {
                attempts.add(browser.fetch(url, pageOrigin, toModelRequest(request), transport));
            }
            Observation seen = observation(attempts, key);

            Expected expected = expected(browserCase);
            List<String> mismatches = expected.mismatches(seen);
            assertThat(mismatches).as(browserCase.id() + ": " + request
                    + "\n  rule:     " + expected.citation()
                    + "\n  expected: " + expected.describe()
                    + "\n  model:    " + seen.describe()
                    + "\n  last:     " + attempts.get(attempts.size() - 1).describe()).isEmpty();
        }
    }

    private static ModelRequest toModelRequest(BrowserCase.Request request) {
        ModelRequest model = ModelRequest.of(request.method())
                .credentials(ModelRequest.Credentials.of(request.credentials()))
                .mode(ModelRequest.Mode.of(request.mode()));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            model = model.header(header.getKey(), header.getValue());
        }
        return request.body() == null ? model : model.body(request.body());
    }

    /** What script saw in the model's last attempt, joined with what the server logged for the case. */
    private static Observation observation(List<ModelOutcome> attempts, String key) {
        ModelOutcome last = attempts.get(attempts.size() - 1);
        Outcome outcome = switch (last.kind()) {
            case RESPONSE -> Outcome.RESPONSE;
            case OPAQUE -> Outcome.OPAQUE;
            case NETWORK_ERROR -> Outcome.NETWORK_ERROR;
        };
        List<RequestLog.Arrival> arrivals = RequestLog.arrivals(key);
        List<RequestLog.Arrival> preflights = arrivals.stream().filter(RequestLog.Arrival::preflight).toList();
        return new Observation(outcome, last.status(), last.redirected(), List.copyOf(last.readableHeaders()),
                last.kind() == ModelOutcome.Kind.RESPONSE ? last.body() : null,
                last.networkError() ? "TypeError: " + last.failedRule() + " (" + last.failedRule().citation() + ")" : null,
                attempts.stream().map(attempt -> attempt.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + (attempt.networkError() ? "" : " " + attempt.status())).toList(),
                preflights.size(),
                preflights.stream().map(RequestLog.Arrival::requestMethod).toList(),
                preflights.stream().map(arrival -> String.valueOf(arrival.requestHeaders())).toList(),
                arrivals.stream().anyMatch(arrival -> !arrival.preflight() && arrival.cookie()),
                preflights.stream().anyMatch(RequestLog.Arrival::cookie),
                RequestLog.appCalls(key),
                arrivals.stream().map(arrival -> arrival.origin() == null ? "-" : arrival.origin()).toList());
    }
}
