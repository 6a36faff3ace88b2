package dev.corsfilter.containers;

import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.testing.Http;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A {@code web.xml} with an invalid origin ({@code src/test/resources/webapp/broken}) must keep the webapp
 * from serving anything, with the policy problem spelled out, rather than run with a filter that allows
 * nothing or everything.
 */
class BrokenWebXmlTest {

    private static final String ORIGIN = "https://app.example.com";

    @Test
    void jettyDefaultLeavesTheWebappUnavailableAndSaysWhy() throws Exception {
        try (WebXmlJetty jetty = WebXmlJetty.of("broken", false).start()) {
            assertThat(jetty.webapp().isAvailable()).isFalse();
            assertThat(jetty.webapp().getUnavailableException()).isNotNull();
            assertPolicyProblemIn(jetty.webapp().getUnavailableException());

            URI uri = URI.create("http://127.0.0.1:" + jetty.port() + "/cred/echo");
            for (HttpResponse<String> response : java.util.List.of(
                    Http.send("GET", uri, "Origin", ORIGIN),
                    Http.send("OPTIONS", uri, "Origin", ORIGIN, "Access-Control-Request-Method", "PUT"))) {
                assertThat(response.statusCode()).as("a webapp whose CORS filter failed serves nothing")
                        .isEqualTo(503);
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
                assertThat(response.body()).doesNotContain("\"method\"");
            }
        }
    }

    @Test
    void withThrowUnavailableOnStartupTheServerDoesNotStart() {
        WebXmlJetty jetty = WebXmlJetty.of("broken", true);
        try {
            Throwable failure = catchThrowable(jetty::start);

            assertThat(failure).as("start() with a broken web.xml").isNotNull();
            assertPolicyProblemIn(failure);
        } finally {
            jetty.close();
        }
    }

    /** The cause chain holds our exception, whose message names the bad value and the fix. */
    private static void assertPolicyProblemIn(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof InvalidCorsPolicyException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("InvalidCorsPolicyException in the cause chain of %s", failure).isNotNull();
        // The bad value is quoted back. (The message names the setting "allowedOrigins", as the builder does,
        // not the init-param "allowed-origins" this user wrote; see the browser-proof report.)
        assertThat(cause.getMessage()).contains("Invalid CORS policy", "\"https://app.example.com/\"");
        System.out.println("[broken web.xml] " + failure.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
