package dev.corsfilter.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests measured, each with the policy it runs against. Every implementation is configured to the
 * same policy (see {@link Policy}); the request is the same for all of them.
 *
 * <p>The scale scenarios send exactly the request of {@link #ACTUAL} (or {@link #SUBDOMAIN}) against a policy
 * with many more entries, the matching one listed <em>last</em>, so that the only difference from the
 * one-origin scenario is the size of the policy (and list-scanning implementations pay for the whole list).
 */
public enum Scenario {

    /** A same-origin GET: no {@code Origin} header. */
    NON_CORS("no Origin (same-origin GET)", Kind.NON_CORS, Policy.ONE_ORIGIN, "GET", null, null),
    /** A GET from the allowed origin. */
    ACTUAL("allowed actual GET", Kind.ACTUAL, Policy.ONE_ORIGIN, "GET", Policy.ORIGIN, null),
    /** A pre-flight for {@code PUT} with two allowed headers, from the allowed origin. */
    PREFLIGHT("allowed pre-flight (PUT, 2 headers)", Kind.PREFLIGHT, Policy.ONE_ORIGIN, "OPTIONS", Policy.ORIGIN, Policy.REQUEST_HEADERS),
    /** A GET from an origin the policy does not list. */
    DISALLOWED("refused origin", Kind.DISALLOWED, Policy.ONE_ORIGIN, "GET", Policy.EVIL_ORIGIN, null),
    /** A GET from {@code https://app.example.com} against the single pattern {@code https://*.example.com}. */
    SUBDOMAIN("subdomain pattern `https://*.example.com`", Kind.ACTUAL, Policy.ONE_PATTERN, "GET", Policy.ORIGIN, null),
    /** {@link #ACTUAL} against 1,000 exact origins. */
    ORIGINS_1K("1,000 exact origins", Kind.ACTUAL, Policy.exactOrigins(1_000), "GET", Policy.ORIGIN, null),
    /** {@link #ACTUAL} against 10,000 exact origins. */
    ORIGINS_10K("10,000 exact origins", Kind.ACTUAL, Policy.exactOrigins(10_000), "GET", Policy.ORIGIN, null),
    /** {@link #SUBDOMAIN} against 1,000 subdomain patterns. */
    PATTERNS_1K("1,000 subdomain patterns", Kind.ACTUAL, Policy.subdomainPatterns(1_000), "GET", Policy.ORIGIN, null),
    /** {@link #PREFLIGHT} whose {@code Access-Control-Request-Headers} is 8 KiB of commas. */
    HOSTILE_COMMAS("pre-flight, ACRH = 8 KiB of commas", Kind.HOSTILE, Policy.ONE_ORIGIN, "OPTIONS", Policy.ORIGIN, ",".repeat(8192)),
    /** {@link #PREFLIGHT} whose {@code Access-Control-Request-Headers} is 8 KiB of allowed header names. */
    HOSTILE_NAMES("pre-flight, ACRH = 8 KiB of names", Kind.HOSTILE, Policy.ONE_ORIGIN, "OPTIONS", Policy.ORIGIN, allowedNames(8192));

    /** What kind of answer a scenario expects. */
    public enum Kind { NON_CORS, ACTUAL, PREFLIGHT, DISALLOWED, HOSTILE }

    private final String description;
    private final Kind kind;
    private final Policy policy;
    private final String method;
    private final String origin;
    private final String requestHeaders;

    Scenario(String description, Kind kind, Policy policy, String method, String origin, String requestHeaders) {
        this.description = description;
        this.kind = kind;
        this.policy = policy;
        this.method = method;
        this.origin = origin;
        this.requestHeaders = requestHeaders;
    }

    /** What the scenario sends, in words, for reports. */
    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    public Policy policy() {
        return policy;
    }

    public String method() {
        return method;
    }

    /** The {@code Origin} header, or null. */
    public String origin() {
        return origin;
    }

    /**
     * The request's header lines as name, value pairs, the same for every implementation: {@code Host},
     * {@code Accept}, {@code User-Agent} and, when the scenario has them, {@code Origin} and the pre-flight
     * headers.
     *
     * @return name, value, name, value, ...
     */
    public String[] headerPairs() {
        List<String> pairs = new ArrayList<>(List.of("Host", "api.example.com", "Accept", "*/*",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) cors-filter-bench"));
        if (origin != null) {
            pairs.add("Origin");
            pairs.add(origin);
        }
        if ("OPTIONS".equals(method)) {
            pairs.add("Access-Control-Request-Method");
            pairs.add(Policy.REQUEST_METHOD);
            if (requestHeaders != null) {
                pairs.add("Access-Control-Request-Headers");
                pairs.add(requestHeaders);
            }
        }
        return pairs.toArray(String[]::new);
    }

    /** The {@code Access-Control-Request-Headers} value, or null. */
    public String requestHeaders() {
        return requestHeaders;
    }

    /** Allowed names, comma-separated without spaces, repeated to at least {@code length} characters. */
    private static String allowedNames(int length) {
        StringBuilder out = new StringBuilder(length + 32);
        int i = 0;
        while (out.length() < length) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(Policy.ALLOWED_HEADERS.get(i++ % Policy.ALLOWED_HEADERS.size()));
        }
        return out.toString();
    }
}
