package dev.corsfilter;

import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.FlakyResolver;
import dev.corsfilter.testing.Http;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OriginResolverTest {

    static final Set<String> TENANTS = Set.of("https://tenant-1.example.net", "http://tenant-2.example.net");

    final List<String> asked = new ArrayList<>();

    CorsPolicy.Builder policy() {
        return CorsPolicy.builder().allowedOrigins("https://app.example.com").originResolver(origin -> {
            asked.add(origin);
            return TENANTS.contains(origin);
        });
    }

    @Test
    void isAskedOnlyAfterTheStaticOriginsFail() {
        CorsPolicy policy = policy().build();
        asked.clear();

        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://app.example.com")).decision())
                .isEqualTo(CorsDecision.ACTUAL_ALLOWED);
        assertThat(asked).isEmpty();
        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).headers())
                .containsEntry("Access-Control-Allow-Origin", "https://tenant-1.example.net");
        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-9.example.net")).decision())
                .isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        assertThat(asked).containsExactly("https://tenant-1.example.net", "https://tenant-9.example.net");
    }

    @Test
    void withCredentialsAnInsecureOriginIsRefusedEvenWhenTheResolverAllowsIt() {
        CorsPolicy credentialed = policy().allowCredentials(true).build();
        CorsPolicy opted = policy().allowCredentials(true).dangerouslyAllowInsecureOriginsWithCredentials().build();

        assertThat(credentialed.evaluate(CorsRequest.actual("GET", "http://tenant-2.example.net")).allowed()).isFalse();
        assertThat(opted.evaluate(CorsRequest.actual("GET", "http://tenant-2.example.net")).allowed()).isTrue();
        assertThat(policy().build().evaluate(CorsRequest.actual("GET", "http://tenant-2.example.net")).allowed()).isTrue();
    }

    @Test
    void aResolverThatAllowsEverythingCannotBeCombinedWithCredentials() {
        assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins("https://app.example.com")
                .originResolver(origin -> true).allowCredentials(true).build())
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::rule).containsExactly(PolicyRule.ANY_ORIGIN_WITH_CREDENTIALS));
        assertThat(CorsPolicy.builder().allowedOrigins("https://app.example.com").originResolver(origin -> true)
                .build().evaluate(CorsRequest.actual("GET", "https://x.example")).allowed()).isTrue();
    }

    @Test
    void aResolverThatOverflowsItsStackWhenTheCredentialedPolicyIsBuiltIsNotJudgedByIt() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins("https://app.example.com").allowCredentials(true)
                .originResolver(origin -> {
                    throw new StackOverflowError();
                }).build();
        assertThat(policy.allowsCredentials()).isTrue();
        assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins("https://app.example.com").allowCredentials(true)
                .originResolver(origin -> {
                    throw new OutOfMemoryError("the JVM's problem");
                }).build()).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aFailingResolverRefusesAndNeverThrows() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins("https://app.example.com").originResolver(origin -> {
            throw new IllegalStateException("database down");
        }).allowCredentials(true).build();

        assertThat(policy.evaluate(CorsRequest.preflight("https://tenant-1.example.net", "GET", null)).decision())
                .isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
    }

    @Test
    void aResolverThatThrowsAnErrorCostsTheOriginItsCorsHeadersNotTheRequest() {
        FlakyResolver resolver = new FlakyResolver(TENANTS::contains);
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins("https://app.example.com")
                .originResolver(resolver, Duration.ofMinutes(1), 100).build();
        HttpServlet application = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("items");
            }
        };
        try (EmbeddedJetty jetty = new EmbeddedJetty().filter(new CorsFilter(policy)).servlet("/*", application).start()) {
            resolver.failWith(new StackOverflowError());
            HttpResponse<String> refused = Http.send("GET", jetty.uri().resolve("/items"),
                    "Origin", "https://tenant-1.example.net");
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).isEqualTo("items");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

            resolver.answerAgain();
            HttpResponse<String> allowed = Http.send("GET", jetty.uri().resolve("/items"),
                    "Origin", "https://tenant-1.example.net");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tenant-1.example.net");
        }
    }

    @Test
    void cacheSettingsAreValidated() {
        assertThatThrownBy(() -> policy().originResolver(TENANTS::contains, Duration.ZERO, 0).build())
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::rule)
                        .containsExactly(PolicyRule.RESOLVER_CACHE_INVALID, PolicyRule.RESOLVER_CACHE_INVALID));
        assertThat(policy().originResolver(TENANTS::contains, Duration.ofMinutes(5), 10_000).build()
                .originResolver()).isPresent();
    }

    /** A resolver named in web.xml by class name. */
    public static final class TenantResolver implements OriginResolver {
        @Override
        public boolean allows(String origin) {
            return TENANTS.contains(origin);
        }
    }

    @Test
    void aResolverCanBeNamedInInitParams() {
        CorsPolicy policy = InitParameters.toPolicy(java.util.Map.of("allowed-origins", "https://app.example.com",
                "origin-resolver", TenantResolver.class.getName(), "origin-resolver-cache-seconds", "30"));

        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).allowed()).isTrue();
        assertThatThrownBy(() -> InitParameters.toPolicy(java.util.Map.of("allowed-origins", "https://app.example.com",
                "origin-resolver", "com.example.Missing")))
                .isInstanceOf(InvalidCorsPolicyException.class).hasMessageContaining("com.example.Missing");
    }
}
