package dev.corsfilter.model;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.model.ModelRequest.Credentials;
import dev.corsfilter.model.Scenarios.PolicySpec;
import dev.corsfilter.model.Scenarios.RequestSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: thousands of generated policies and requests, each request run by the {@link ModelBrowser}
 * against the real {@link CorsFilter} in-process ({@link ServletTransport}), and the browser's verdict
 * compared with what the policy means ({@link PolicyIntent}, read from the policy's accessors only).
 *
 * <p>A failure shows the shrunk policy and request; see {@link #describe}.
 */
class PolicyIntentPropertiesTest {

    private static final URI API = URI.create(Scenarios.API);
    private static final String SESSION = "sid=session";

    @Provide
    Arbitrary<PolicySpec> policies() {
        return Scenarios.policies();
    }

    @Provide
    Arbitrary<RequestSpec> requests() {
        return Scenarios.requests();
    }

    /**
     * Several requests from one page, each with how many seconds pass before it, for one browser whose
     * pre-flight cache fills up as it goes.
     */
    @Provide
    Arbitrary<List<Tuple2<RequestSpec, Integer>>> sequences() {
        Arbitrary<Tuple2<RequestSpec, Integer>> step = Combinators.combine(Scenarios.requests(),
                Arbitraries.of(0, 1, 4, 6, 599, 601, 7201)).as(Tuple::of);
        return Combinators.combine(Arbitraries.of(Scenarios.PAGE_ORIGINS), step.list().ofMinSize(2).ofMaxSize(5))
                .as((origin, steps) -> steps.stream().map(s -> Tuple.of(s.get1().withPageOrigin(origin), s.get2())).toList());
    }

    @Property(tries = 2000)
    void theBrowsersVerdictOnTheFiltersAnswersIsThePolicysIntent(@ForAll("policies") PolicySpec spec,
                                                                 @ForAll("requests") RequestSpec request) {
        CorsPolicy policy = spec.build();
        FakeApplication app = new FakeApplication(request.appStatus(), Scenarios.APP_HEADERS);
        ModelBrowser browser = new ModelBrowser(new MutableClock());
        browser.cookies().store(API, SESSION);

        ModelOutcome outcome = browser.fetch(API.resolve(request.path()), request.pageOrigin(),
                request.toModelRequest(), new ServletTransport(new CorsFilter(policy), app));

        PolicyIntent intent = new PolicyIntent(policy);
        boolean allowed = intent.allows(request.pageOrigin(), request.method().sent(), request.unsafeHeaderNames(),
                request.credentials());
        boolean preflight = PolicyIntent.needsPreflight(request.method().sent(), request.unsafeHeaderNames());
        Statistics.label("verdict").collect(allowed ? "allowed" : "refused");
        Statistics.label("pre-flight").collect(preflight ? "needed" : "not needed");
        String context = describe(spec, request, outcome);

        assertVerdict(intent, request, outcome, allowed, context);
        // A pre-flight stands between the page and the application: without one the request reaches it
        // whatever the verdict (CORS protects the response, not the server), with one only when allowed.
        assertThat(!app.calls().isEmpty()).as("application reached\n" + context).isEqualTo(!preflight || allowed);
        // Credentials go on every actual request exactly when the mode is include (the API is cross-origin).
        boolean include = request.credentials() == Credentials.INCLUDE;
        assertThat(app.calls()).as("cookies\n" + context).allSatisfy(call ->
                assertThat(SESSION.equals(call.cookie())).isEqualTo(include));
    }

    @Property(tries = 1000)
    void aWarmPreflightCacheNeverChangesAVerdict(@ForAll("policies") PolicySpec spec,
                                                 @ForAll("sequences") List<Tuple2<RequestSpec, Integer>> steps) {
        CorsPolicy policy = spec.build();
        PolicyIntent intent = new PolicyIntent(policy);
        MutableClock clock = new MutableClock();
        ModelBrowser browser = new ModelBrowser(clock);
        browser.cookies().store(API, SESSION);
        CorsFilter filter = new CorsFilter(policy);
        for (Tuple2<RequestSpec, Integer> step : steps) {
            clock.advance(Duration.ofSeconds(step.get2()));
            RequestSpec request = step.get1();
            FakeApplication app = new FakeApplication(request.appStatus(), Scenarios.APP_HEADERS);

            ModelOutcome outcome = browser.fetch(API.resolve(request.path()), request.pageOrigin(),
                    request.toModelRequest(), new ServletTransport(filter, app));

            boolean allowed = intent.allows(request.pageOrigin(), request.method().sent(), request.unsafeHeaderNames(),
                    request.credentials());
            Statistics.label("pre-flights per step").collect(outcome.preflights());
            assertVerdict(intent, request, outcome, allowed, "step " + steps.indexOf(step) + " of " + steps + "\n"
                    + describe(spec, request, outcome));
        }
    }

    /**
     * Checks the model against the hand-written header and method tables, with a server that allows
     * everything: a pre-flight is sent exactly when the tables say one is needed, and it asks for exactly
     * the unsafe names, lower-cased, sorted and joined by {@code ,}.
     */
    @Property(tries = 1000)
    void theModelPreflightsExactlyWhatTheTablesCallUnsafe(@ForAll("requests") RequestSpec request) {
        ScriptedTransport server = new ScriptedTransport(wire -> WireResponse.of(wire.preflight() ? 204 : 200,
                "Access-Control-Allow-Origin", request.pageOrigin(), "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", request.method().sent(),
                "Access-Control-Allow-Headers", "authorization, " + String.join(",", request.unsafeHeaderNames())));

        ModelOutcome outcome = new ModelBrowser(new MutableClock()).fetch(API.resolve("/ok"), request.pageOrigin(),
                request.toModelRequest(), server);

        boolean preflight = PolicyIntent.needsPreflight(request.method().sent(), request.unsafeHeaderNames());
        assertThat(outcome.networkError()).as(outcome.describe()).isFalse();
        assertThat(outcome.preflights()).isEqualTo(preflight ? 1 : 0);
        WireRequest actual = outcome.actualRequests().get(0);
        assertThat(actual.method()).isEqualTo(request.method().sent());
        assertThat(actual.headers().get("Origin")).isEqualTo(request.pageOrigin());
        if (preflight) {
            WireRequest sent = server.requests().get(0);
            assertThat(sent.headers().get("Access-Control-Request-Method")).isEqualTo(request.method().sent());
            assertThat(sent.headers().get("Access-Control-Request-Headers"))
                    .isEqualTo(request.unsafeHeaderNames().isEmpty() ? null : String.join(",", request.unsafeHeaderNames()));
            assertThat(sent.headers().contains("Cookie")).isFalse();
        }
    }

    private static void assertVerdict(PolicyIntent intent, RequestSpec request, ModelOutcome outcome, boolean allowed,
                                      String context) {
        assertThat(outcome.networkError()).as("network error\n" + context).isEqualTo(!allowed);
        if (!allowed) {
            return;
        }
        WireResponse last = outcome.exchanges().get(outcome.exchanges().size() - 1).response();
        assertThat(outcome.status()).as("status\n" + context).isEqualTo(request.appStatus());
        assertThat(last.headers().names()).as("application headers\n" + context)
                .containsAll(Scenarios.APP_HEADERS.names());
        Set<String> readable = intent.readable(last.headers().names(), request.credentials());
        assertThat(outcome.readableHeaders()).as("readable headers\n" + context).isEqualTo(readable);
        assertThat(outcome.redirected()).as("redirected\n" + context).isEqualTo(!request.path().equals("/ok"));
    }

    /** The failure message: the policy, the request, what the model concluded, and the traffic. */
    static String describe(PolicySpec spec, RequestSpec request, ModelOutcome outcome) {
        StringBuilder text = new StringBuilder()
                .append("policy:  ").append(spec).append('\n')
                .append("request: ").append(request).append('\n')
                .append("model:   ").append(outcome.describe()).append('\n');
        for (Exchange exchange : outcome.exchanges()) {
            text.append("  > ").append(exchange.request().method()).append(' ').append(exchange.request().url())
                    .append(' ').append(exchange.request().headers()).append('\n')
                    .append("  < ").append(exchange.response() == null ? "(no response)"
                            : exchange.response().status() + " " + exchange.response().headers()).append('\n');
        }
        return text.toString();
    }
}
