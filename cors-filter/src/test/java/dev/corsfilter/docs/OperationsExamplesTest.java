package dev.corsfilter.docs;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.ShadowDisagreement;
import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the examples of docs/operations.md against a real Jetty. */
class OperationsExamplesTest {

    @Test
    void theListenerHearsRefusalsWithTheirReason() {
        List<String> refused = new ArrayList<>();
        CorsFilter filter = OperationsExamples.listener(CorsPolicy.builder().allowedOrigins("https://app.example.com")
                .build(), (origin, path, reason) -> refused.add(origin + " " + path + ": " + reason));
        try (EmbeddedJetty jetty = new EmbeddedJetty().filter(filter).servlet("/*", new ApiServlet()).start()) {
            Http.send("GET", jetty.uri().resolve("/api/items"), "Origin", "https://app.example.com");
            Http.send("GET", jetty.uri().resolve("/api/items"), "Origin", "https://new-frontend.example.com");
        }
        assertThat(refused).singleElement().asString().startsWith("https://new-frontend.example.com /api/items: origin");
    }

    @Test
    void theShadowReportsWhomTheCandidateWouldBreak() {
        Queue<ShadowDisagreement> breaking = new ConcurrentLinkedQueue<>();
        CorsFilter filter = OperationsExamples.shadow(breaking);
        try (EmbeddedJetty jetty = new EmbeddedJetty().filter(filter).servlet("/*", new ApiServlet()).start()) {
            for (String origin : List.of("https://app.example.com", "https://legacy.example.com",
                    "https://shop.example.com", "https://admin.example.com")) {
                Http.send("GET", jetty.uri().resolve("/api/items"), "Origin", origin);
            }
        }
        assertThat(breaking).extracting(ShadowDisagreement::origin)
                .containsExactly("https://legacy.example.com", "https://shop.example.com");
    }
}
