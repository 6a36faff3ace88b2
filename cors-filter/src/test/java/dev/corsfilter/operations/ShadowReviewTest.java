package dev.corsfilter.operations;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the review of issue 15, shadow mode: "Every request on which the candidate would make the browser see something
 * else is a disagreement" (operations.md). Each test first shows, with the candidate enforced, that the browser
 * really sees something else, then that the shadow reports nothing (or the wrong thing).
 */
class ShadowReviewTest {

    static final String APP = "https://app.example.com";
    static final String PARTNER = "https://partner.example.org";

    static WebApp app(CorsFilter filter) {
        return new WebApp().context("", context -> context
                .filter("cors", filter, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR))
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("ok"))));
    }

    static RawHttp.Response send(CorsFilter filter, String method, String path, String... headers) {
        try (RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            return RawHttp.send(server.port(), method, path, headers);
        }
    }

    static final String[] PNA_PREFLIGHT = {"Origin", APP, "Access-Control-Request-Method", "GET",
            "Access-Control-Request-Private-Network", "true"};

    /**
     * Enforced: answers Private Network Access pre-flights. Candidate: does not. Chrome fails a PNA pre-flight
     * whose response lacks Access-Control-Allow-Private-Network, so every intranet user would break; the shadow
     * says nothing because CorsPolicy.evaluate never asks for private network access.
     */
    @Test
    void droppingPrivateNetworkAccessIsADisagreement() {
        CorsPolicy enforced = CorsPolicy.builder().allowedOrigins(APP).allowPrivateNetwork(true).build();
        CorsPolicy candidate = CorsPolicy.builder().allowedOrigins(APP).build();

        assertThat(send(new CorsFilter(enforced), "OPTIONS", "/printer", PNA_PREFLIGHT)
                .values("Access-Control-Allow-Private-Network")).containsExactly("true");
        assertThat(send(new CorsFilter(candidate), "OPTIONS", "/printer", PNA_PREFLIGHT)
                .values("Access-Control-Allow-Private-Network")).isEmpty();

        CorsFilter shadowed = new CorsFilter(enforced);
        shadowed.shadow(candidate);
        RecordingListener recorder = new RecordingListener();
        shadowed.addDecisionListener(recorder);
        send(shadowed, "OPTIONS", "/printer", PNA_PREFLIGHT);
        assertThat(recorder.disagreements).as("shadow disagreements").hasSize(1);
    }

    static final String[] HANDSHAKE = {"Origin", PARTNER, "Upgrade", "websocket", "Connection", "Upgrade",
            "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13"};

    /**
     * Enforced: no WebSocket origin check (handshakes from any origin reach the application). Candidate: the
     * same origins with the check on, which answers 403 to the partner's handshakes. Turning the check on is
     * exactly what one would want to try in shadow first; the shadow reports nothing.
     */
    @Test
    void turningOnTheWebSocketOriginCheckIsADisagreement() {
        CorsPolicy enforced = CorsPolicy.builder().allowedOrigins(APP).build();
        CorsPolicy candidate = CorsPolicy.builder().allowedOrigins(APP).webSocketOriginCheck(true).build();

        assertHandshakeDisagreement(enforced, 200, candidate, 403, ShadowDisagreement.Change.WOULD_REFUSE);
    }

    /**
     * The other way: the candidate drops the WebSocket origin check, so handshakes from every origin would be
     * let in (cross-site WebSocket hijacking); the shadow reports no WOULD_ALLOW.
     */
    @Test
    void droppingTheWebSocketOriginCheckIsADisagreement() {
        CorsPolicy enforced = CorsPolicy.builder().allowedOrigins(APP).webSocketOriginCheck(true).build();
        CorsPolicy candidate = CorsPolicy.builder().allowedOrigins(APP).build();

        assertHandshakeDisagreement(enforced, 403, candidate, 200, ShadowDisagreement.Change.WOULD_ALLOW);
    }

    /** Each policy alone answers the handshake as given; shadowing one with the other reports one change. */
    private static void assertHandshakeDisagreement(CorsPolicy enforced, int enforcedStatus, CorsPolicy candidate,
                                                    int candidateStatus, ShadowDisagreement.Change change) {
        assertThat(send(new CorsFilter(enforced), "GET", "/ws", HANDSHAKE).status()).isEqualTo(enforcedStatus);
        assertThat(send(new CorsFilter(candidate), "GET", "/ws", HANDSHAKE).status()).isEqualTo(candidateStatus);

        CorsFilter shadowed = new CorsFilter(enforced);
        shadowed.shadow(candidate);
        RecordingListener recorder = new RecordingListener();
        shadowed.addDecisionListener(recorder);
        send(shadowed, "GET", "/ws", HANDSHAKE);
        assertThat(recorder.disagreements).as("shadow disagreements").hasSize(1);
        assertThat(recorder.disagreements.get(0).change()).isEqualTo(change);
    }

    /**
     * Two Origin lines: the filter refuses (ORIGIN_NOT_ALLOWED), but event.reason() re-evaluates a CorsRequest
     * that lost the second line and says the origin is allowed.
     */
    @Test
    void theReasonOfARefusalOfARepeatedOriginSaysRefused() {
        CorsFilter filter = new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).build());
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);
        RawHttp.Response response = send(filter, "GET", "/items", "Origin", APP, "Origin", APP);
        assertThat(response.values("Access-Control-Allow-Origin")).isEmpty();
        assertThat(recorder.events).hasSize(1);
        CorsDecisionEvent event = recorder.events.get(0);
        assertThat(event.decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        assertThat(event.reason()).doesNotContain("is allowed");
    }

    /**
     * Two Origin lines from an origin the candidate drops: both policies refuse such a request in reality (two
     * lines are never allowed), yet the shadow reports WOULD_REFUSE with enforced=ACTUAL_ALLOWED, a decision the
     * filter never made.
     */
    @Test
    void aRepeatedOriginIsNoFalseWouldRefuse() {
        CorsFilter filter = new CorsFilter(CorsPolicy.builder().allowedOrigins(APP, PARTNER).build());
        filter.shadow(CorsPolicy.builder().allowedOrigins(APP).build());
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);
        send(filter, "GET", "/items", "Origin", PARTNER, "Origin", PARTNER);
        assertThat(recorder.events).extracting(CorsDecisionEvent::decision)
                .containsExactly(CorsDecision.ORIGIN_NOT_ALLOWED);
        assertThat(recorder.disagreements).extracting(d -> d.enforced().decision()).as("enforced decision reported")
                .allMatch(decision -> decision == CorsDecision.ORIGIN_NOT_ALLOWED);
    }

    /**
     * The classic fix the issue names: an API that allows credentials, replaced by one that does not. Every
     * credentialed request (it carries a Cookie) from the front end would break, but the shadow calls it
     * WOULD_CHANGE_HEADERS, not WOULD_REFUSE, so the docs' switch-over check
     * (cors.shadow.disagreements{change="would-refuse"} "expected to be zero for every origin you mean to keep")
     * stays green.
     */
    @Test
    void droppingCredentialsForACredentialedRequestIsWouldRefuse() {
        CorsFilter filter = new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build());
        filter.shadow(CorsPolicy.builder().allowedOrigins(APP).build());
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);
        send(filter, "GET", "/account", "Origin", APP, "Cookie", "session=abc");
        assertThat(recorder.disagreements).extracting(ShadowDisagreement::change)
                .containsExactly(ShadowDisagreement.Change.WOULD_REFUSE);
    }

    /**
     * Any origin enforced, the same front end listed in the candidate: Access-Control-Allow-Origin "*" versus
     * the origin itself, which a non-credentialed fetch treats alike. Every request of every kept front end is
     * reported as a disagreement.
     */
    @Test
    void anyOriginVersusTheSameOriginListedIsNoDisagreement() {
        CorsFilter filter = new CorsFilter(CorsPolicy.builder().allowAnyOrigin().build());
        filter.shadow(CorsPolicy.builder().allowedOrigins(APP).build());
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);
        send(filter, "GET", "/items", "Origin", APP);
        assertThat(recorder.disagreements).isEmpty();
    }
}
