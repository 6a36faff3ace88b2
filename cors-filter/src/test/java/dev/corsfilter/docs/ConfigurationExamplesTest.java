package dev.corsfilter.docs;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.Http;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.corsfilter.docs.CorsAssertions.APP;
import static dev.corsfilter.docs.CorsAssertions.STRANGER;
import static dev.corsfilter.docs.CorsAssertions.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the Java examples of README.md and docs/configuration.md and checks what the text says about them. */
class ConfigurationExamplesTest {

    @Test
    void readmePolicyAndJettyRegistration() throws Exception {
        Filter filter = ReadmeExamples.filter();
        CorsPolicy policy = ((CorsFilter) filter).policy();
        assertThat(policy.allowedOrigins()).containsExactly(APP, "https://*.preview.example.com", "http://localhost:*");

        ServletContextHandler context = ReadmeExamples.jetty(policy);
        ServletHolder api = new ServletHolder(new ApiServlet());
        api.setAsyncSupported(true);
        context.addServlet(api, "/*");
        Server server = new Server(0);
        server.setHandler(context);
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/x");
            HttpResponse<String> response = Http.send("GET", uri, "Origin", "https://pr-7.preview.example.com");
            assertThat(response.statusCode()).as("async servlet behind the README's Jetty registration").isEqualTo(200);
            assertThat(header(response, "Access-Control-Allow-Origin")).containsExactly("https://pr-7.preview.example.com");
            assertThat(header(Http.send("GET", uri, "Origin", "http://localhost:5173"), "Access-Control-Allow-Origin"))
                    .containsExactly("http://localhost:5173");
        } finally {
            server.stop();
        }
    }

    /** The comments of the README's evaluate snippet. */
    @Test
    void readmeEvaluate() {
        CorsEvaluation result = ReadmeExamples.evaluate(((CorsFilter) ReadmeExamples.filter()).policy());
        assertThat(result.decision()).isEqualTo(CorsDecision.HEADER_NOT_ALLOWED);
        assertThat(result.reason()).isEqualTo(
                "header \"x-trace-id\" is not in allowed headers [content-type, authorization, x-request-id]");
        assertThat(result.explain().lines()).hasSizeGreaterThan(2);
    }

    @Test
    void pathPolicies() {
        try (EmbeddedJetty jetty = new EmbeddedJetty().filter(ConfigurationExamples.pathPolicies())
                .servlet("/*", new ApiServlet()).start()) {
            assertThat(header(Http.send("GET", jetty.uri().resolve("/public/logo"), "Origin", STRANGER),
                    "Access-Control-Allow-Origin")).containsExactly("*");
            assertThat(header(Http.send("GET", jetty.uri().resolve("/reports/2026.json"), "Origin", STRANGER),
                    "Access-Control-Allow-Origin")).containsExactly("*");
            assertThat(header(Http.send("GET", jetty.uri().resolve("/api/items.json"), "Origin", STRANGER),
                    "Access-Control-Allow-Origin")).as("a prefix beats an extension").isEmpty();
            HttpResponse<String> api = Http.send("OPTIONS", jetty.uri().resolve("/api/items"), "Origin", APP,
                    "Access-Control-Request-Method", "PATCH");
            assertThat(api.statusCode()).isEqualTo(204);
            assertThat(header(api, "Access-Control-Allow-Credentials")).containsExactly("true");
            HttpResponse<String> unmapped = Http.send("OPTIONS", jetty.uri().resolve("/admin"), "Origin", APP,
                    "Access-Control-Request-Method", "PATCH");
            assertThat(unmapped.body()).as("an unmatched path's pre-flight reaches the application").contains("OPTIONS");
            assertThat(header(unmapped, "Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void cachedResolverAsksOncePerOriginAndOnceAtBuildTime() {
        AtomicInteger queries = new AtomicInteger();
        ConfigurationExamples.TenantDirectory directory = origin -> {
            queries.incrementAndGet();
            return origin.equals("https://tenant-1.example.net");
        };
        CorsPolicy policy = ConfigurationExamples.cachedResolver(directory);
        assertThat(queries).as("with credentials, build() asks once about https://cors-filter-probe.invalid").hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).allowed()).isTrue();
            assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-9.example.net")).allowed()).isFalse();
        }
        assertThat(queries).as("answers, yes and no, are remembered").hasValue(3);
        assertThat(policy.evaluate(CorsRequest.actual("GET", APP)).allowed()).isTrue();
        assertThat(queries).as("listed origins never reach the resolver").hasValue(3);
    }

    @Test
    void inMemoryResolver() {
        TenantOrigins tenants = new TenantOrigins();
        CorsPolicy policy = ConfigurationExamples.inMemoryResolver(tenants);
        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).allowed()).isFalse();
        tenants.refresh(List.of("https://tenant-1.example.net", "http://tenant-2.example.net"));
        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).allowed()).isTrue();
        assertThat(policy.evaluate(CorsRequest.actual("GET", "http://tenant-2.example.net")).allowed())
                .as("with credentials, http origins are refused whatever the resolver says").isFalse();
    }

    @Test
    void reconfigureKeepsTheOldPolicyWhenTheNewOneIsInvalid() {
        CorsFilter filter = new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build());
        ConfigurationExamples.reconfigure(filter, List.of("https://admin.example.com"));
        assertThat(filter.policy().allowedOrigins()).containsExactly("https://admin.example.com");
        assertThatThrownBy(() -> ConfigurationExamples.reconfigure(filter, List.of("http://admin.example.com")))
                .isInstanceOf(InvalidCorsPolicyException.class);
        assertThat(filter.policy().allowedOrigins()).containsExactly("https://admin.example.com");
    }

    @Test
    void problemsAreReadByRule() {
        assertThat(ConfigurationExamples.handleProblems(List.of(APP, "http://tenant.example.net")))
                .containsExactly("use https for http://tenant.example.net");
    }

    @Test
    void evaluate() {
        CorsEvaluation result = ConfigurationExamples.evaluate();
        assertThat(result.decision()).isEqualTo(CorsDecision.HEADER_NOT_ALLOWED);
        assertThat(result.status()).hasValue(403);
    }

    @Test
    void debugModeOnlyInDevelopment() {
        assertThat(ConfigurationExamples.debugMode("dev").debugMode()).isTrue();
        assertThat(ConfigurationExamples.debugMode("prod").debugMode()).isFalse();
        assertThat(ConfigurationExamples.debugMode(null).debugMode()).isFalse();
    }

    @Test
    void featuresAndRequestAttributes() {
        CorsPolicy policy = ConfigurationExamples.features();
        try (EmbeddedJetty jetty = new EmbeddedJetty().filter(new CorsFilter(policy))
                .servlet("/*", new ConfigurationExamples.AuditedServlet()).start()) {
            URI uri = jetty.uri().resolve("/notes");
            HttpResponse<String> allowed = Http.send("POST", uri, "Origin", APP);
            assertThat(allowed.body()).isEqualTo("saved for " + APP);
            assertThat(header(allowed, "Timing-Allow-Origin")).containsExactly(APP);
            assertThat(Http.send("POST", uri, "Origin", STRANGER).statusCode()).isEqualTo(403);
            assertThat(Http.send("POST", uri).body()).isEqualTo("saved for null");
        }
        assertThat(policy.checksWebSocketOrigin()).isTrue();
    }

    @Test
    void theExamplesTenantDirectoryIsUsable() throws Exception {
        assertThat(ConfigurationExamples.directory(Set.of(APP)).hasOrigin(APP)).isTrue();
        assertThat(Duration.ofMinutes(1)).isPositive();
    }
}
