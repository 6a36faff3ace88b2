package dev.corsfilter.security;

import dev.corsfilter.testing.FilterCall;
import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.OriginResolver;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static dev.corsfilter.security.AttackOrigins.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Proves the guarantees that let an application plug its own origin check ({@link OriginResolver}, e.g.
 * tenants in a database) into a policy safely: the resolver is asked only about values in the exact form
 * browsers send — never a hostile string, {@code null}, an upper-case host, a default port or a value over
 * the length cap — whatever the request holds; with credentials an {@code http://} origin it allows is
 * still refused unless it is loopback; a resolver that fails refuses instead of failing the request; and a
 * resolver that allows everything cannot be combined with credentials.
 */
class OriginResolverIsolationTest {

    static final Set<String> TENANTS = Set.of("https://tenant-1.example.net", "http://tenant-2.example.net",
            "http://localhost:4000", "https://tenant-3.example.net:8443");

    /** A resolver that records every value it is asked about. */
    static final class Recording implements OriginResolver {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean allows(String origin) {
            asked.add(origin);
            return TENANTS.contains(origin);
        }
    }

    static CorsPolicy policy(OriginResolver resolver) {
        return CorsPolicy.builder().allowedOrigins(APP).originResolver(resolver).allowedMethods("PUT")
                .allowCredentials(true).build();
    }

    @Test
    void theResolverIsAskedOnlyAboutWellFormedOriginsWhateverTheRequestHolds() {
        Recording resolver = new Recording();
        CorsPolicy policy = policy(resolver);
        CorsFilter filter = new CorsFilter(policy);
        List<String> values = new ArrayList<>(AttackOrigins.all().stream().map(AttackOrigins.Attack::origin).toList());
        values.addAll(HostileRequestHeadersTest.hostileForms("https://tenant-1.example.net").stream()
                .map(form -> form[1]).toList());
        values.addAll(List.of("HTTPS://TENANT-1.EXAMPLE.NET", "https://tenant-1.example.net:443",
                "http://tenant-2.example.net:80", "https://tenant-1.example.net.", "null"));

        for (String origin : values) {
            policy.evaluate(CorsRequest.actual("GET", origin));
            policy.evaluate(CorsRequest.preflight(origin, "PUT", null));
            FilterCall.run(filter, new FakeRequest("GET").header("Origin", origin));
        }

        System.out.printf("origin resolver: %d hostile values sent, %d questions asked, all well-formed%n",
                values.size() * 3, resolver.asked.size());
        assertThat(resolver.asked).isNotEmpty().allSatisfy(origin -> {
            assertThat(origin).hasSizeLessThanOrEqualTo(1024)
                    .matches("[a-z][a-z0-9+.\\-]*://(\\[[0-9a-f:.]+\\]|[a-z0-9_\\-]+(\\.[a-z0-9_\\-]+)*)(:[1-9][0-9]{0,4})?")
                    .as("no default port").doesNotMatch("(https|wss)://.*:443|(http|ws)://.*:80");
        });
        assertThat(resolver.asked).doesNotContain(APP);
    }

    @Test
    void aTenantOriginIsAllowedButAnInsecureOneIsStillRefusedWithCredentials() {
        CorsPolicy policy = policy(new Recording());

        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).headers())
                .containsEntry("Access-Control-Allow-Origin", "https://tenant-1.example.net")
                .containsEntry("Access-Control-Allow-Credentials", "true");
        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-3.example.net:8443")).decision())
                .isEqualTo(CorsDecision.ACTUAL_ALLOWED);
        assertThat(policy.evaluate(CorsRequest.actual("GET", "http://localhost:4000")).decision())
                .isEqualTo(CorsDecision.ACTUAL_ALLOWED);
        assertThat(policy.evaluate(CorsRequest.actual("GET", "http://tenant-2.example.net")).decision())
                .as("the resolver allows it, but http with credentials is refused").isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        CorsPolicy optedIn = CorsPolicy.builder().allowedOrigins(APP).originResolver(new Recording())
                .allowCredentials(true).dangerouslyAllowInsecureOriginsWithCredentials().build();
        assertThat(optedIn.evaluate(CorsRequest.actual("GET", "http://tenant-2.example.net")).decision())
                .isEqualTo(CorsDecision.ACTUAL_ALLOWED);
    }

    @Test
    void aResolverThatFailsRefusesTheOriginWithoutFailingTheRequest() {
        for (OriginResolver failing : List.<OriginResolver>of(origin -> {
            throw new IllegalStateException("database down");
        }, origin -> {
            throw new Exception("checked failure");
        })) {
            CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).originResolver(failing).build();

            assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).decision())
                    .isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
            FilterCall preflight = FilterCall.run(new CorsFilter(policy), new FakeRequest("OPTIONS")
                    .header("Origin", "https://tenant-1.example.net").header("Access-Control-Request-Method", "PUT"));
            assertThat(preflight.thrown()).isNull();
            assertThat(preflight.response().getStatus()).isEqualTo(403);
            assertThat(preflight.response().corsHeaderNames()).isEmpty();
        }
    }

    @Test
    void aResolverThatAllowsEverythingCannotBeCombinedWithCredentials() {
        for (OriginResolver permissive : List.<OriginResolver>of(origin -> true, origin -> !origin.isEmpty(),
                origin -> origin.startsWith("http"))) {
            InvalidCorsPolicyException refusal = catchThrowableOfType(InvalidCorsPolicyException.class,
                    () -> CorsPolicy.builder().allowedOrigins(APP).originResolver(permissive).allowCredentials(true).build());

            assertThat(refusal).isNotNull();
            assertThat(refusal.problems()).extracting(PolicyProblem::rule)
                    .containsExactly(PolicyRule.ANY_ORIGIN_WITH_CREDENTIALS);
        }
        assertThat(CorsPolicy.builder().allowedOrigins(APP).originResolver(origin -> true).build()).isNotNull();
    }

    /** The loopback exemption of {@code OriginPattern.isLoopbackHost} is applied to resolver answers too. */
    @Test
    void aDnsNameThatOnlyLooksLikeALoopbackAddressIsRefusedWithCredentials() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true)
                .originResolver(Set.of("http://127.0.0.1-1", "http://127.attacker-1")::contains).build();

        for (String lookalike : List.of("http://127.0.0.1-1", "http://127.attacker-1")) {
            assertThat(policy.evaluate(CorsRequest.actual("GET", lookalike)).decision()).as(lookalike)
                    .isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        }
    }
}
