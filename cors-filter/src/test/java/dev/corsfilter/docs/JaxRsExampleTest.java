package dev.corsfilter.docs;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.docs.jaxrs.HandWrittenCorsFilter;
import dev.corsfilter.docs.jaxrs.ItemsResource;
import dev.corsfilter.docs.jaxrs.JaxRsExample;
import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.RawHttp;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JAX-RS recipe of docs/getting-started.md on Jersey 4 in embedded Jetty 12: the servlet filter in front of
 * Jersey's servlet answers pre-flights and decorates Jersey's answers, its 404s and 500s included; and why a
 * hand-written {@code ContainerResponseFilter} must go when the filter comes in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JaxRsExampleTest {

    private static final String APP = "https://app.example.com";

    private Server server;
    private int port;

    @BeforeAll
    void start() throws Exception {
        server = JaxRsExample.start(0);
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void preflightsAreAnsweredBeforeJerseysOwnOptionsSupport() {
        RawHttp.Response preflight = RawHttp.send(port, "OPTIONS", "/api/items", "Origin", APP,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type");
        RawHttp.Response refused = RawHttp.send(port, "OPTIONS", "/api/items", "Origin", APP,
                "Access-Control-Request-Method", "PATCH");
        RawHttp.Response plainOptions = RawHttp.send(port, "OPTIONS", "/api/items");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.body()).as("never reached Jersey").isEmpty();
        assertThat(preflight.values("Access-Control-Allow-Methods")).containsExactly("PUT");
        assertThat(preflight.values("Access-Control-Allow-Headers")).containsExactly("authorization,content-type");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.corsHeaderNames()).isEmpty();
        assertThat(plainOptions.values("Allow")).as("an OPTIONS without Origin is Jersey's").isNotEmpty();
    }

    @Test
    void jerseysAnswersCarryTheHeadersErrorsIncluded() {
        RawHttp.Response list = RawHttp.send(port, "GET", "/api/items", "Origin", APP);
        RawHttp.Response missing = RawHttp.send(port, "GET", "/api/nothing-here", "Origin", APP);
        RawHttp.Response broken = RawHttp.send(port, "GET", "/api/items/broken", "Origin", APP);

        assertThat(list.body()).isEqualTo("[\"first\"]");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(broken.status()).isEqualTo(500);
        for (RawHttp.Response response : new RawHttp.Response[] {list, missing, broken}) {
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.values("Access-Control-Allow-Credentials")).containsExactly("true");
        }
        assertThat(list.varyNames()).contains("origin");
        // Jersey hands its 404 to sendError and its exception to the container: both become Jetty's own error
        // page, which drops Vary but forbids caching (the exception docs/security.md states).
        assertThat(String.join(",", missing.values("Cache-Control"))).contains("no-store");
        assertThat(String.join(",", broken.values("Cache-Control"))).contains("no-store");
    }

    /**
     * Left in place, the hand-written filter still hands any other origin {@code *}; the library keeps it only off
     * the responses it decorates. Hence the advice: delete it.
     */
    @Test
    void aHandWrittenResponseFilterLeftInPlaceStillAllowsEveryOrigin() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build();
        ResourceConfig application = new ResourceConfig(ItemsResource.class, HandWrittenCorsFilter.class);
        try (EmbeddedJetty withBoth = new EmbeddedJetty().filter(new CorsFilter(policy))
                .servlet("/api/*", new ServletContainer(application)).start()) {
            RawHttp.Response allowed = RawHttp.send(withBoth.port(), "GET", "/api/items", "Origin", APP);
            RawHttp.Response other = RawHttp.send(withBoth.port(), "GET", "/api/items", "Origin", "https://evil.example");

            assertThat(allowed.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(other.values("Access-Control-Allow-Origin")).as("written by the hand-written filter").containsExactly("*");
        }
    }
}
