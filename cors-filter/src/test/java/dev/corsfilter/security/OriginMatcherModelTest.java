package dev.corsfilter.security;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.internal.OriginMatcher;
import dev.corsfilter.internal.OriginPattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves, for generated policies and generated origins, that {@link OriginMatcher} — hash probes over
 * index ranges, written for speed — decides exactly as a reference model written for obviousness: parse
 * the request origin with one regular expression for the form browsers send, then compare scheme, host and
 * port as strings, with a subdomain pattern matching a host that ends with {@code "." + domain}.
 *
 * <p>Origins are generated from the same small vocabulary as the patterns, then mutated (letter case,
 * extra or missing characters, dots, ports, schemes), so that near misses are frequent; the statistics
 * check that a fair share of the generated origins is allowed, so the property is not vacuous.
 */
class OriginMatcherModelTest {

    static final AtomicLong CHECKS = new AtomicLong();

    /** A configured origin, as the reference model sees it. */
    record Ref(String scheme, String host, boolean subdomains, String port) {

        static Ref of(OriginPattern pattern) {
            return new Ref(pattern.scheme(), pattern.host(), pattern.subdomains(), pattern.port());
        }

        boolean matches(String origin, Parsed parsed) {
            if (!subdomains && !port.equals("*")) {
                return origin.equals(scheme + "://" + host + (port.isEmpty() ? "" : ":" + port));
            }
            if (parsed == null || !parsed.scheme().equals(scheme)) {
                return false;
            }
            boolean hostMatches = subdomains ? parsed.host().endsWith("." + host) : parsed.host().equals(host);
            boolean portMatches = port.equals("*") || parsed.port().equals(port);
            return hostMatches && portMatches;
        }
    }

    /** A request origin in the form browsers send: lower-case scheme, lower-case host, optional port. */
    record Parsed(String scheme, String host, String port) {

        private static final Pattern SERIALISED = Pattern.compile(
                "([a-z][a-z0-9+.-]*)://(\\[[0-9a-f:.]*\\]|[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*)(?::([1-9][0-9]{0,4}))?");

        static Parsed parse(String origin) {
            Matcher m = SERIALISED.matcher(origin);
            if (!m.matches() || (m.group(3) != null && Integer.parseInt(m.group(3)) > 65_535)) {
                return null;
            }
            return new Parsed(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3));
        }
    }

    /** The reference model: what a careful person would write with strings, ignoring speed. */
    static boolean reference(List<Ref> refs, boolean nullOrigin, String origin) {
        if (origin.length() > OriginMatcher.MAX_ORIGIN_LENGTH) {
            return false;
        }
        if (nullOrigin && origin.equals("null")) {
            return true;
        }
        Parsed parsed = Parsed.parse(origin);
        return refs.stream().anyMatch(ref -> ref.matches(origin, parsed));
    }

    /** Patterns built from a small vocabulary, validated by the real parser; invalid ones are dropped. */
    record Policy(List<OriginPattern> patterns, boolean nullOrigin) {
        @Override
        public String toString() {
            return patterns + (nullOrigin ? " + null" : "");
        }
    }

    static final List<String> LABELS = List.of("a", "b", "app", "x-1", "_dev", "xn--80ak6aa92e", "example", "com", "org", "co");

    @Provide
    Arbitrary<Policy> policies() {
        Arbitrary<String> host = Arbitraries.oneOf(
                LABELS.stream().map(Arbitraries::just).toList()).list().ofMinSize(1).ofMaxSize(3)
                .map(labels -> String.join(".", labels));
        Arbitrary<String> ipHost = Arbitraries.of("127.0.0.1", "10.0.0.1", "[::1]", "[2001:db8::1]", "localhost");
        Arbitrary<String> pattern = Combinators.combine(
                Arbitraries.of("https", "http", "wss"),
                Arbitraries.frequencyOf(Tuple.of(8, host), Tuple.of(1, ipHost)),
                Arbitraries.of(false, true),
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")), Tuple.of(2, Arbitraries.just(":*")),
                        Tuple.of(1, Arbitraries.of(":443", ":80", ":8443", ":1", ":65535")),
                        Tuple.of(1, Arbitraries.integers().between(1, 65_535).map(port -> ":" + port))))
                .as((scheme, h, subdomains, port) -> scheme + "://" + (subdomains ? "*." : "") + h + port);
        return Combinators.combine(pattern.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(false, true))
                .as((texts, nullOrigin) -> {
                    List<OriginPattern> patterns = new ArrayList<>();
                    for (String text : texts) {
                        List<PolicyProblem> problems = new ArrayList<>();
                        OriginPattern parsed = OriginPattern.parse(text, "allowedOrigins", problems);
                        if (parsed != null) {
                            patterns.add(parsed);
                        }
                    }
                    return new Policy(patterns, nullOrigin);
                });
    }

    /** Origins near the policy's vocabulary: instances, near misses and plain junk. */
    @Provide
    Arbitrary<String> origins() {
        Arbitrary<String> label = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(LABELS)),
                Tuple.of(1, Arbitraries.strings().withChars("abcxyz019-_.*%@:/[]").ofMinLength(0).ofMaxLength(6)));
        Arbitrary<String> host = Arbitraries.frequencyOf(
                Tuple.of(8, label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels))),
                Tuple.of(1, Arbitraries.of("127.0.0.1", "10.0.0.1", "[::1]", "[2001:db8::1]", "localhost", "[::1", "[]")));
        Arbitrary<String> port = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of(":443", ":80", ":8443", ":1", ":65535", ":65536", ":0", ":080", ":", ":*")),
                Tuple.of(2, Arbitraries.integers().between(1, 70_000).map(p -> ":" + p)));
        Arbitrary<String> origin = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.of("https", "http", "wss")),
                        Tuple.of(1, Arbitraries.of("HTTPS", "ftp", "file", "", "h"))),
                Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("://")), Tuple.of(1, Arbitraries.of(":/", "//", ":///"))),
                host, port)
                .as((scheme, separator, h, p) -> scheme + separator + h + p);
        return Arbitraries.frequencyOf(
                Tuple.of(12, origin),
                Tuple.of(3, Combinators.combine(origin, Arbitraries.integers().between(0, 1_000),
                        Arbitraries.of("upper", "delete", "insert", "dot", "space"))
                        .as((o, at, how) -> o.isEmpty() ? o : mutate(o, at % o.length(), how))),
                Tuple.of(1, Arbitraries.of("null", "NULL", "", " ", "*", "https://",
                        "https://" + "a.".repeat(600) + "com", "https://" + "b".repeat(1010) + ".co")));
    }

    static String mutate(String origin, int at, String how) {
        return switch (how) {
            case "upper" -> origin.substring(0, at) + origin.substring(at, at + 1).toUpperCase(Locale.ROOT)
                    + origin.substring(at + 1);
            case "delete" -> origin.substring(0, at) + origin.substring(at + 1);
            case "insert" -> origin.substring(0, at) + "x" + origin.substring(at);
            case "dot" -> origin + ".";
            default -> origin + " ";
        };
    }

    /**
     * How to pick an origin for a policy, drawn without knowing the policy (so generation stays cheap):
     * an instance of one of its patterns, a mutated instance, or an unrelated generated origin.
     */
    record Recipe(String kind, int patternIndex, String label, int port, int mutateAt, String mutation, String other) {

        String originFor(Policy policy) {
            if (policy.patterns().isEmpty() || kind.equals("other")) {
                return other;
            }
            String instance = instance(policy.patterns().get(patternIndex % policy.patterns().size()), label, port);
            return kind.equals("instance") ? instance : mutate(instance, mutateAt % instance.length(), mutation);
        }
    }

    @Provide
    Arbitrary<Recipe> recipes() {
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("instance")),
                                Tuple.of(3, Arbitraries.just("mutated")), Tuple.of(3, Arbitraries.just("other"))),
                        Arbitraries.integers().between(0, 4), subdomainLabel(),
                        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, ports())),
                        Arbitraries.integers().between(0, 1_000), Arbitraries.of("upper", "delete", "insert", "dot", "space"),
                        origins())
                .as(Recipe::new);
    }

    /**
     * Serialises an origin near {@code pattern}: a label before its domain for a subdomain pattern, and
     * the pattern's port, or {@code port} when it is not 0 (the pattern's port or any other).
     */
    static String instance(OriginPattern pattern, String label, int port) {
        String host = pattern.subdomains() ? label + "." + pattern.host() : pattern.host();
        String chosen = port != 0 ? Integer.toString(port) : pattern.anyPort() ? "" : pattern.port();
        String defaultPort = pattern.scheme().equals("http") ? "80" : "443";
        return pattern.scheme() + "://" + host + (chosen.isEmpty() || chosen.equals(defaultPort) ? "" : ":" + chosen);
    }

    @Property(tries = 10_000)
    void theMatcherAgreesWithTheReferenceModel(@ForAll("policies") Policy policy, @ForAll("recipes") Recipe recipe) {
        String origin = recipe.originFor(policy);
        OriginMatcher matcher = new OriginMatcher(policy.patterns(), policy.nullOrigin());
        List<Ref> refs = policy.patterns().stream().map(Ref::of).toList();

        boolean expected = reference(refs, policy.nullOrigin(), origin);
        CHECKS.incrementAndGet();

        assertThat(matcher.matches(origin)).as("%s against %s", origin, policy).isEqualTo(expected);
        Statistics.label("allowed").collect(expected)
                .coverage(coverage -> coverage.check(true).percentage((Double share) -> share > 10.0));
    }

    /** Every instance of a pattern, serialised as a browser would, is allowed, and so is nothing else nearby. */
    @Property(tries = 5_000)
    void everyBrowserSerialisationOfAPatternInstanceIsAllowed(@ForAll("policies") Policy policy,
                                                              @ForAll("subdomainLabel") String label,
                                                              @ForAll("ports") int port) {
        Assume.that(!policy.patterns().isEmpty());
        OriginPattern pattern = policy.patterns().get(0);
        String serialised = instance(pattern, label, pattern.anyPort() ? port : 0);
        OriginMatcher matcher = new OriginMatcher(policy.patterns(), policy.nullOrigin());
        CHECKS.incrementAndGet();

        assertThat(matcher.matches(serialised)).as(serialised).isTrue();
        if (pattern.subdomains()) {
            CHECKS.incrementAndGet();
            // The parent domain itself is never an instance of its subdomain pattern (unless listed otherwise).
            String parent = serialised.replace("://" + label + ".", "://");
            List<Ref> refs = policy.patterns().stream().map(Ref::of).toList();
            assertThat(matcher.matches(parent)).isEqualTo(reference(refs, policy.nullOrigin(), parent));
        }
    }

    @Provide
    Arbitrary<String> subdomainLabel() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(LABELS)),
                Tuple.of(1, Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_").ofMinLength(1)
                        .ofMaxLength(20)),
                Tuple.of(1, Arbitraries.of(LABELS).list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(".", l))));
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(1, 65_535);
    }

    @AfterContainer
    static void report() {
        System.out.printf("origin matcher vs reference model: %d checks%n", CHECKS.get());
    }
}
