package dev.corsfilter.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a request's {@code Origin} value is one a policy allows.
 *
 * <p>The value is compared byte for byte with the configured origins: it is never parsed leniently or
 * "normalised", so {@code HTTPS://APP.EXAMPLE.COM} or {@code https://app.example.com:443} do not match
 * {@code https://app.example.com} — browsers never send those forms (Fetch, "serializing a request origin").
 *
 * <p>Every lookup is a hash probe whose cost does not depend on how many origins are configured: one
 * probe for exact origins; for patterns, one probe for "this host, any port" and, per dot in the host, one
 * probe for "subdomains of the rest". {@code https://*.example.com} is stored as the key
 * {@code https://example.com}; for {@code https://a.b.example.com} the matcher probes
 * {@code https://b.example.com} and {@code https://example.com}, each cut at a label boundary, so
 * {@code https://evilexample.com} and {@code https://example.com.evil.net} can never match.
 */
public final class OriginMatcher {

    /**
     * The longest {@code Origin} value considered; longer values are refused without being read. A
     * browser's origin is at most a scheme, {@code ://}, a 253-character host and {@code :65535}.
     */
    public static final int MAX_ORIGIN_LENGTH = 1024;

    /** Remembers origins that matched a pattern, so a repeated origin skips the label-wise lookups. */
    private static final int ACCEPTED_ORIGINS = 1024;

    private final Set<String> exact;
    private final AcceptedValues acceptedByPattern = new AcceptedValues(ACCEPTED_ORIGINS, 300);
    private final AsciiSet anyPortHosts;
    private final AsciiSet subdomainsOnPort;
    private final AsciiSet subdomainsAnyPort;
    private final boolean patterns;
    private final int longestExact;
    private final boolean nullOrigin;

    /**
     * Prepares the lookup tables.
     *
     * @param origins the validated origins and patterns
     * @param nullOrigin whether the literal {@code null} origin matches too
     */
    public OriginMatcher(Collection<OriginPattern> origins, boolean nullOrigin) {
        this.nullOrigin = nullOrigin;
        List<String> exactKeys = new ArrayList<>();
        List<String> anyPortKeys = new ArrayList<>();
        List<String> subdomainKeys = new ArrayList<>();
        List<String> subdomainAnyPortKeys = new ArrayList<>();
        for (OriginPattern origin : origins) {
            String key = origin.lookupKey();
            if (origin.subdomains()) {
                (origin.anyPort() ? subdomainAnyPortKeys : subdomainKeys).add(key);
            } else {
                (origin.anyPort() ? anyPortKeys : exactKeys).add(key);
            }
        }
        // A java.util set: String.hashCode and String.equals are faster than any region lookup, and exact
        // origins are whole values.
        this.exact = Set.copyOf(new HashSet<>(exactKeys));
        this.anyPortHosts = AsciiSet.caseSensitive(anyPortKeys);
        this.subdomainsOnPort = AsciiSet.caseSensitive(subdomainKeys);
        this.subdomainsAnyPort = AsciiSet.caseSensitive(subdomainAnyPortKeys);
        this.patterns = anyPortHosts.size() + subdomainsOnPort.size() + subdomainsAnyPort.size() > 0;
        this.longestExact = exactKeys.stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Tells whether {@code origin} is allowed.
     *
     * @param origin the request's {@code Origin} header value, or null
     * @return true when it equals a configured origin or matches a pattern
     */
    public boolean matches(String origin) {
        if (origin == null || origin.length() > MAX_ORIGIN_LENGTH) {
            return false;
        }
        if ((origin.length() <= longestExact && exact.contains(origin)) || (nullOrigin && origin.equals("null"))) {
            return true;
        }
        if (!patterns) {
            return false;
        }
        if (acceptedByPattern.contains(origin)) {
            return true;
        }
        boolean matched = matchesPattern(origin);
        if (matched) {
            acceptedByPattern.add(origin);
        }
        return matched;
    }

    private boolean matchesPattern(String origin) {
        int hostStart = RequestOrigin.hostStart(origin);
        if (hostStart < 0) {
            return false;
        }
        int hostEnd = RequestOrigin.hostEnd(origin, hostStart);
        if (hostEnd < 0) {
            return false;
        }
        if (anyPortHosts.contains(origin, 0, hostEnd)) {
            return true;
        }
        if (origin.charAt(hostStart) == '[') {
            return false;
        }
        for (int i = hostStart; i < hostEnd; i++) {
            if (origin.charAt(i) == '.'
                    && (subdomainsOnPort.contains(origin, 0, hostStart, i + 1, origin.length())
                    || subdomainsAnyPort.contains(origin, 0, hostStart, i + 1, hostEnd))) {
                return true;
            }
        }
        return false;
    }
}
