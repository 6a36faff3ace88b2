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
import dev.corsfilter.testing.FreshLibrary;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.corsfilter.security.AttackOrigins.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Proves the guarantees that let an application plug its own origin check ({@link OriginResolver}, e.g.
 * tenants in a database) into a policy safely: the resolver is asked only about values in the exact form
 * browsers send — never a hostile string, {@code null}, an upper-case host, a default port or a value over
 * the length cap — whatever the request holds; with credentials an {@code http://} origin it allows is
 * still refused unless it is loopback; a resolver that fails refuses instead of failing the request; a
 * resolver that asks its own policy again is refused instead of recursing; and a resolver that allows
 * everything cannot be combined with credentials.
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

    /**
     * A resolver that evaluates its own policy (or calls the filter) for the origin it is asked about used to
     * recurse until the stack overflowed. The inner call is refused instead: the resolver is asked once.
     */
    @Test
    void aResolverThatAsksItsOwnPolicyIsAskedOnceAndTheOriginRefused() {
        AtomicReference<CorsPolicy> self = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).originResolver(origin -> {
            calls.incrementAndGet();
            return self.get().evaluate(CorsRequest.actual("GET", origin)).allowed();
        }).build();
        self.set(policy);

        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).decision())
                .isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        assertThat(calls).hasValue(1);
        assertThat(policy.evaluate(CorsRequest.actual("GET", "https://tenant-1.example.net")).allowed())
                .as("the refusal was a failure, not an answer to remember").isFalse();
        assertThat(calls).hasValue(2);
    }

    /**
     * Why recursion must be stopped rather than its {@code StackOverflowError} caught: caught at the stack
     * limit, the error leaves the classes whose initialisers ran there uninitialisable for the rest of the
     * deployment (every later use throws {@code NoClassDefFoundError}). Each attempt is a fresh deployment
     * (the library in a new class loader), starting at a different stack depth, whose re-entrant request is
     * followed by an ordinary pre-flight on an ordinary policy.
     */
    @Test
    void aReentrantResolverLeavesEveryClassOfAFreshDeploymentUsable() throws Exception {
        // A running server has logged before: the JDK's time and logging classes are initialised.
        org.slf4j.LoggerFactory.getLogger(OriginResolverIsolationTest.class).info("warm-up", new IllegalStateException());
        List<String> broken = new ArrayList<>();
        for (int depth = 0; depth < 40; depth++) {
            String outcome = reentrantDeployment(depth);
            if (outcome != null) {
                broken.add("at depth " + depth + ": " + outcome);
            }
        }
        assertThat(broken).isEmpty();
    }

    /** One deployment: a re-entrant resolver is asked once, then an ordinary pre-flight; null when all went well. */
    private static String reentrantDeployment(int depth) throws Exception {
        FreshLibrary library = new FreshLibrary();
        Class<?> policyType = library.type("dev.corsfilter.CorsPolicy");
        Class<?> requestType = library.type("dev.corsfilter.CorsRequest");
        Class<?> resolverType = library.type("dev.corsfilter.OriginResolver");
        Method evaluate = policyType.getMethod("evaluate", requestType);
        Method allowed = library.type("dev.corsfilter.CorsEvaluation").getMethod("allowed");
        Method actual = requestType.getMethod("actual", String.class, String.class);

        Object[] self = new Object[1];
        Object resolver = Proxy.newProxyInstance(library, new Class<?>[] {resolverType}, (proxy, method, args) -> {
            if (!method.getName().equals("allows")) {
                return method.getName().equals("hashCode") ? 0 : method.getName().equals("equals") ? false : "reentrant";
            }
            try {
                return allowed.invoke(evaluate.invoke(self[0], actual.invoke(null, "GET", args[0])));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        Object builder = policyType.getMethod("builder").invoke(null);
        builder.getClass().getMethod("allowedOrigins", String[].class).invoke(builder, (Object) new String[] {APP});
        builder.getClass().getMethod("originResolver", resolverType).invoke(builder, resolver);
        self[0] = builder.getClass().getMethod("build").invoke(builder);
        try {
            atDepth(depth, () -> evaluate.invoke(self[0], actual.invoke(null, "GET", "https://tenant-1.example.net")));
        } catch (InvocationTargetException e) {
            return "the re-entrant evaluation threw " + e.getCause();
        }

        Object ordinary = policyType.getMethod("builder").invoke(null);
        ordinary.getClass().getMethod("allowedOrigins", String[].class).invoke(ordinary, (Object) new String[] {APP});
        ordinary.getClass().getMethod("allowedMethods", String[].class).invoke(ordinary, (Object) new String[] {"PUT"});
        ordinary.getClass().getMethod("allowedHeaders", String[].class)
                .invoke(ordinary, (Object) new String[] {"Content-Type"});
        Object preflight = requestType.getMethod("preflight", String.class, String.class, String.class)
                .invoke(null, APP, "PUT", "content-type");
        try {
            Object evaluation = evaluate.invoke(ordinary.getClass().getMethod("build").invoke(ordinary), preflight);
            return (Boolean) allowed.invoke(evaluation) ? null : "afterwards an ordinary pre-flight was refused";
        } catch (InvocationTargetException e) {
            return "afterwards an ordinary pre-flight throws " + e.getCause();
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void atDepth(int depth, Call call) throws Exception {
        if (depth == 0) {
            call.run();
        } else {
            atDepth(depth - 1, call);
        }
    }
}
