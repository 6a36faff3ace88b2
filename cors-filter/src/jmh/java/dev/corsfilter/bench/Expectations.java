package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;

import java.util.ArrayList;
import java.util.List;

/**
 * What each implementation must have written for each scenario, so that no misconfigured peer is ever
 * benchmarked. Values are compared by meaning, not spelling: peers differ in letter case, in joining list
 * headers with {@code ","} or {@code ", "}, and in echoing the requested method and headers or listing all
 * allowed ones.
 */
public final class Expectations {

    private static final String ACAO = "Access-Control-Allow-Origin";
    private static final String ACAC = "Access-Control-Allow-Credentials";
    private static final String ACAM = "Access-Control-Allow-Methods";
    private static final String ACAH = "Access-Control-Allow-Headers";
    private static final String ACEH = "Access-Control-Expose-Headers";
    private static final String ACMA = "Access-Control-Max-Age";

    private Expectations() {
    }

    /**
     * Checks one operation's output.
     *
     * @param impl the implementation
     * @param scenario the scenario
     * @param o what it did
     * @return the problems found; empty when it did what it should
     */
    public static List<String> check(Impl impl, Scenario scenario, Observed o) {
        List<String> problems = new ArrayList<>();
        if (impl == Impl.EMPTY) {
            expect(problems, o.chainCalls() == 1, "the application runs once");
            expect(problems, o.headers().isEmpty(), "no header is written");
            return problems;
        }
        switch (scenario.kind()) {
            case NON_CORS -> {
                expect(problems, o.chainCalls() == 1, "the application runs once");
                expect(problems, o.single(ACAO) == null, "no " + ACAO);
                expect(problems, o.hasToken("Vary", "Origin"), "Vary includes Origin");
            }
            case ACTUAL -> {
                expect(problems, o.chainCalls() == 1, "the application runs once");
                expect(problems, Policy.ORIGIN.equals(o.single(ACAO)), ACAO + ": " + Policy.ORIGIN);
                expect(problems, "true".equals(o.single(ACAC)), ACAC + ": true");
                expect(problems, o.hasToken(ACEH, "x-request-id"), ACEH + " includes x-request-id");
                expect(problems, o.hasToken("Vary", "Origin"), "Vary includes Origin");
                expect(problems, o.status() == 200, "status stays 200");
            }
            case PREFLIGHT -> expectAllowedPreflight(problems, o, true);
            case DISALLOWED -> {
                expect(problems, o.single(ACAO) == null, "no " + ACAO);
                expect(problems, o.single(ACAC) == null, "no " + ACAC);
                if (impl != Impl.TOMCAT) {
                    // Tomcat answers a refused origin with a bare 403 and no Vary (its handleInvalidCORS).
                    expect(problems, o.hasToken("Vary", "Origin"), "Vary includes Origin");
                }
            }
            case HOSTILE -> {
                expect(problems, o.chainCalls() == 0, "a pre-flight does not reach the application");
                if (hostileRefused(impl)) {
                    expect(problems, o.status() == 403, "status 403");
                    expect(problems, !o.anyCorsHeader(), "no Access-Control-* header");
                    expect(problems, o.hasToken("Vary", "Origin"), "Vary includes Origin");
                } else {
                    // The peers accept both hostile values (an empty list, and allowed names): they must then
                    // answer as to an allowed pre-flight.
                    expectAllowedPreflight(problems, o, false);
                }
            }
            default -> throw new AssertionError(scenario);
        }
        return problems;
    }

    /** cors-filter (and so the floor) refuses over-long {@code Access-Control-Request-Headers}; peers accept. */
    public static boolean hostileRefused(Impl impl) {
        return impl == Impl.CORS_FILTER || impl == Impl.FLOOR;
    }

    private static void expectAllowedPreflight(List<String> problems, Observed o, boolean headersRequested) {
        expect(problems, o.chainCalls() == 0, "a pre-flight does not reach the application");
        expect(problems, o.status() >= 200 && o.status() <= 299, "a 2xx status");
        expect(problems, Policy.ORIGIN.equals(o.single(ACAO)), ACAO + ": " + Policy.ORIGIN);
        expect(problems, "true".equals(o.single(ACAC)), ACAC + ": true");
        expect(problems, o.tokens(ACAM).contains(Policy.REQUEST_METHOD), ACAM + " includes " + Policy.REQUEST_METHOD);
        expect(problems, o.tokens(ACAH).stream().allMatch(name -> Policy.ALLOWED_HEADERS.contains(
                name.toLowerCase(java.util.Locale.ROOT))), ACAH + " lists allowed names only");
        if (headersRequested) {
            expect(problems, o.hasToken(ACAH, "content-type") && o.hasToken(ACAH, "x-request-id"),
                    ACAH + " includes content-type and x-request-id");
        }
        expect(problems, Long.toString(Policy.MAX_AGE_SECONDS).equals(o.single(ACMA)),
                ACMA + ": " + Policy.MAX_AGE_SECONDS);
        expect(problems, o.hasToken("Vary", "Origin"), "Vary includes Origin");
    }

    private static void expect(List<String> problems, boolean condition, String what) {
        if (!condition) {
            problems.add("expected " + what);
        }
    }
}
