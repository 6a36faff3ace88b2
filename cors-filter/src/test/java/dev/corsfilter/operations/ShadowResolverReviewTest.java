package dev.corsfilter.operations;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.OriginResolver;
import dev.corsfilter.ShadowDisagreement;
import dev.corsfilter.testing.RecordingListener;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Found by the review of issue 15: the shadow and {@code CorsDecisionEvent.reason()} evaluate the enforced policy a second
 * (and third) time instead of using what the filter decided.
 */
class ShadowResolverReviewTest {

    static final String APP = "https://app.example.com";
    static final String TENANT = "https://tenant-42.example.org";

    /** A resolver backed by a tenant database that answers the first lookup, then times out. */
    static final class TenantDatabase implements OriginResolver {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public boolean allows(String origin) throws Exception {
            if (calls.incrementAndGet() > 1) {
                throw new java.util.concurrent.TimeoutException("tenant database timed out");
            }
            return origin.equals(TENANT);
        }
    }

    static RawHttp.Response send(CorsFilter filter, String... headers) {
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", filter, EnumSet.of(DispatcherType.REQUEST))
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("ok"))));
        try (RunningServer server = ServletEngine.JETTY.start(app)) {
            return RawHttp.send(server.port(), "GET", "/items", headers);
        }
    }

    /**
     * The filter allowed the tenant (the response carries its Access-Control-Allow-Origin), yet the event's
     * reason and the shadow's "enforced" evaluation, from second and third calls of the resolver, say it was
     * refused; the shadow reports WOULD_ALLOW for an origin already allowed, and the resolver's backend gets
     * three lookups per request instead of one.
     */
    @Test
    void theShadowAndTheReasonNeverAskTheResolverAgain() {
        TenantDatabase database = new TenantDatabase();
        CorsPolicy enforced = CorsPolicy.builder().allowedOrigins(APP).originResolver(database).build();
        int probes = database.calls.getAndSet(0); // the build-time probe, if any
        CorsFilter filter = new CorsFilter(enforced);
        filter.shadow(CorsPolicy.builder().allowedOrigins(APP, TENANT).build());
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);

        RawHttp.Response response = send(filter, "Origin", TENANT);

        assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(TENANT);
        assertThat(recorder.events).extracting(CorsDecisionEvent::decision).containsExactly(CorsDecision.ACTUAL_ALLOWED);
        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(recorder.events.get(0).reason()).as("reason of an allowed request").contains("is allowed");
            soft.assertThat(recorder.disagreements).extracting(ShadowDisagreement::change)
                    .as("disagreements (both policies allow the tenant)").isEmpty();
            soft.assertThat(database.calls.get()).as("resolver calls for one request (probe calls: %d)", probes)
                    .isEqualTo(1);
        });
    }

    /** Held up: CorsPolicy.evaluate, which the shadow now runs on every request, throws for no input tried. */
    @Test
    void evaluateNeverThrowsOnHostileInput() {
        CorsPolicy[] policies = {
            CorsPolicy.builder().allowedOrigins(APP, "https://*.example.com").allowedMethods("PUT")
                    .allowedHeaders("x-a", "content-type").debugMode(true).build(),
            CorsPolicy.builder().allowAnyOrigin().allowedHeaders("*").allowedMethods("*").build()};
        String alphabet = "aZ,, \t-_:;\"\\\u0000\u007f\u00ff\u2028*x/.";
        Random random = new Random(15);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder headers = new StringBuilder();
            int length = random.nextInt(i % 100 == 0 ? 5000 : 40);
            for (int j = 0; j < length; j++) {
                headers.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String method = random.nextBoolean() ? "PUT" : headers.length() > 3 ? headers.substring(0, 3) : "";
            CorsRequest request = random.nextBoolean()
                    ? CorsRequest.preflight(random.nextBoolean() ? APP : headers.toString(), method, headers.toString())
                    : new CorsRequest(method.isEmpty() ? "GET" : method, headers.toString(), null, null);
            for (CorsPolicy policy : policies) {
                assertThatCode(() -> policy.evaluate(request)).as("%s", request).doesNotThrowAnyException();
            }
        }
    }
}
