package dev.corsfilter.browser;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why {@code Vary: Origin} matters, shown through real browsers' HTTP cache: two pages of one site
 * ({@code http://127.0.0.1:<A>} and {@code :<C>}, so they share the cache partition), both allowed, fetch
 * the same URL, whose answer any cache may keep. With {@code Vary: Origin} the answer stored for the first
 * page does not match the second page's request, which goes to the server and is shared; without it the
 * browser hands the second page the first page's answer, whose {@code Access-Control-Allow-Origin} names
 * the first page, and the fetch fails.
 *
 * <p>Judged in Chromium and Firefox only. WebKit's automation session never reuses a cached {@code fetch()}
 * response, so there a missing {@code Vary: Origin} cannot show; WebKit still runs the case to prove exactly
 * that, so that this test says so if a WebKit update starts reusing responses and WebKit can be judged too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaryThroughHttpCacheTest {

    private static final EnumSet<DispatcherType> REQUEST_ONLY = EnumSet.of(DispatcherType.REQUEST);
    private static final String FETCH = "url => fetch(url).then(r => 'response ' + r.status, e => e.name + ': ' + e.message)";

    private final OpenBrowsers browsers = new OpenBrowsers();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private PageServer first;
    private PageServer second;
    private EmbeddedJetty api;

    /** The API: the filter on {@code /vary/*}; on {@code /no-vary/*} the same filter behind a {@link VaryStrippingFilter}. */
    @BeforeAll
    void start() {
        first = PageServer.start("127.0.0.1");
        second = PageServer.start("127.0.0.1");
        CorsPolicy bothPages = CorsPolicy.builder().allowedOrigins(first.origin(), second.origin()).build();
        EmbeddedJetty jetty = new EmbeddedJetty();
        add(jetty, new RequestLogFilter(), "/*", REQUEST_ONLY);
        add(jetty, new CorsFilter(bothPages), "/vary/*", EmbeddedJetty.DISPATCHES);
        add(jetty, new VaryStrippingFilter(), "/no-vary/*", EmbeddedJetty.DISPATCHES);
        add(jetty, new CorsFilter(bothPages), "/no-vary/*", EmbeddedJetty.DISPATCHES);
        api = jetty.servlet("/", new ProbeServlet()).start();
    }

    private static void add(EmbeddedJetty server, Filter filter, String path, EnumSet<DispatcherType> dispatches) {
        server.context().addFilter(new FilterHolder(filter), path, dispatches);
    }

    @AfterAll
    void stop() {
        Closing.all(browsers, api, first, second);
    }

    static List<Engine> engines() {
        return OpenBrowsers.engines();
    }

    /** What the second page's fetch ended with, after the first page fetched the same URL. */
    private record Run(Object firstPage, Object secondPage, List<RequestLog.Arrival> arrivals) {
    }

    private Run fetchFromBothPages(Browser browser, String prefix) {
        String key = runId + "." + browser.engine() + "." + prefix;
        String url = "http://localhost:" + api.port() + "/" + prefix + "/cacheable?" + RequestLog.KEY_PARAMETER + "=" + key;
        browser.open(first.origin() + PageServlet.PATH);
        Object firstPage = browser.call(FETCH, url);
        browser.open(second.origin() + PageServlet.PATH);
        Object secondPage = browser.call(FETCH, url);
        Run run = new Run(firstPage, secondPage, RequestLog.arrivals(key));
        System.out.println("[vary " + browser.describe() + "] /" + prefix + ": first page " + firstPage
                + ", second page " + secondPage + ", server received " + run.arrivals().size() + " request(s)");
        return run;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void withVaryOriginEachPageGetsItsOwnAnswer(Engine engine) {
        Run run = fetchFromBothPages(browsers.get(engine), "vary");

        assertThat(run.firstPage()).isEqualTo("response 200");
        assertThat(run.secondPage()).isEqualTo("response 200");
        assertThat(run.arrivals()).extracting(RequestLog.Arrival::origin)
                .containsExactly(first.origin(), second.origin());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void withoutVaryOriginTheSecondPageGetsTheFirstPagesAnswerWhereTheEngineReusesIt(Engine engine) {
        Run run = fetchFromBothPages(browsers.get(engine), "no-vary");

        assertThat(run.firstPage()).isEqualTo("response 200");
        if (engine.reusesCachedFetchResponses()) {
            assertThat(run.secondPage()).as("the stored answer for the first page was reused, and failed")
                    .isEqualTo(engine.fetchRejection());
            assertThat(run.arrivals()).hasSize(1);
        } else {
            assertThat(run.secondPage()).as(engine.displayName() + " cannot judge this case: it did not reuse the"
                    + " stored answer").isEqualTo("response 200");
            assertThat(run.arrivals()).hasSize(2);
        }
    }
}
