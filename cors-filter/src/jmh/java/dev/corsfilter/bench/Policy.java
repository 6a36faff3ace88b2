package dev.corsfilter.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one CORS policy every implementation is configured to, in each implementation's own terms: origins
 * (exact, and subdomain patterns {@code https://*.host}), methods {@code PUT DELETE} besides the safelisted
 * {@code GET HEAD POST}, request headers {@code content-type x-request-id}, exposed header
 * {@code x-request-id}, credentials allowed, pre-flight max age 600 s.
 *
 * @param exactOrigins origins compared exactly, the one requests use last
 * @param subdomainPatterns patterns {@code https://*.host}, the one requests match last
 */
public record Policy(List<String> exactOrigins, List<String> subdomainPatterns) {

    /** The allowed origin every allowed request sends. */
    public static final String ORIGIN = "https://app.example.com";
    /** An origin no policy allows. */
    public static final String EVIL_ORIGIN = "https://evil.example.net";
    /** The method pre-flights ask for. */
    public static final String REQUEST_METHOD = "PUT";
    /** The headers pre-flights ask for, as browsers send them. */
    public static final String REQUEST_HEADERS = "content-type,x-request-id";
    /** The single subdomain pattern. */
    public static final String PATTERN = "https://*.example.com";

    /** Methods beyond the CORS-safelisted ones (our policy), and all of them (peers that need the full list). */
    public static final List<String> EXTRA_METHODS = List.of("PUT", "DELETE");
    public static final List<String> ALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE");
    public static final List<String> ALLOWED_HEADERS = List.of("content-type", "x-request-id");
    public static final List<String> EXPOSED_HEADERS = List.of("x-request-id");
    public static final long MAX_AGE_SECONDS = 600;

    /** One exact origin. */
    public static final Policy ONE_ORIGIN = new Policy(List.of(ORIGIN), List.of());
    /** One subdomain pattern. */
    public static final Policy ONE_PATTERN = new Policy(List.of(), List.of(PATTERN));

    public Policy {
        exactOrigins = Collections.unmodifiableList(new ArrayList<>(exactOrigins));
        subdomainPatterns = Collections.unmodifiableList(new ArrayList<>(subdomainPatterns));
    }

    /**
     * {@code count} exact origins, {@code https://app0.example.com} and up, ending with {@link #ORIGIN}.
     *
     * @param count how many
     * @return the policy
     */
    public static Policy exactOrigins(int count) {
        List<String> origins = new ArrayList<>(count);
        for (int i = 0; i < count - 1; i++) {
            origins.add("https://app" + i + ".example.com");
        }
        origins.add(ORIGIN);
        return new Policy(origins, List.of());
    }

    /**
     * {@code count} subdomain patterns, {@code https://*.tenant0.example.com} and up, ending with
     * {@link #PATTERN}.
     *
     * @param count how many
     * @return the policy
     */
    public static Policy subdomainPatterns(int count) {
        List<String> patterns = new ArrayList<>(count);
        for (int i = 0; i < count - 1; i++) {
            patterns.add("https://*.tenant" + i + ".example.com");
        }
        patterns.add(PATTERN);
        return new Policy(List.of(), patterns);
    }

    /** Every origin and pattern, exact ones first, as one list. */
    public List<String> allOrigins() {
        List<String> all = new ArrayList<>(exactOrigins);
        all.addAll(subdomainPatterns);
        return all;
    }

    /**
     * A pattern as a regular expression, the way Jetty's {@code CrossOriginFilter} converts wildcards
     * ({@code .} quoted, {@code *} as {@code .*}); exact origins are quoted whole.
     *
     * @param origin an exact origin or a pattern
     * @return the regular expression
     */
    public static String toRegex(String origin) {
        if (!origin.contains("*")) {
            return java.util.regex.Pattern.quote(origin);
        }
        return origin.replace(".", "\\.").replace("*", ".*");
    }

    @Override
    public String toString() {
        return exactOrigins.size() + " exact origin(s), " + subdomainPatterns.size() + " pattern(s)";
    }
}
