package dev.corsfilter.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

    private static final int MAX_PORT_DIGITS = 5;

    private final AsciiSet exact;
    private final AsciiSet anyPortHosts;
    private final AsciiSet subdomainsOnPort;
    private final AsciiSet subdomainsAnyPort;
    private final boolean patterns;
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
        this.exact = AsciiSet.caseSensitive(exactKeys);
        this.anyPortHosts = AsciiSet.caseSensitive(anyPortKeys);
        this.subdomainsOnPort = AsciiSet.caseSensitive(subdomainKeys);
        this.subdomainsAnyPort = AsciiSet.caseSensitive(subdomainAnyPortKeys);
        this.patterns = anyPortHosts.size() + subdomainsOnPort.size() + subdomainsAnyPort.size() > 0;
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
        if (exact.contains(origin) || (nullOrigin && origin.equals("null"))) {
            return true;
        }
        return patterns && matchesPattern(origin);
    }

    private boolean matchesPattern(String origin) {
        int length = origin.length();
        int schemeEnd = schemeEnd(origin);
        if (schemeEnd < 0) {
            return false;
        }
        int hostStart = schemeEnd + 3;
        boolean ipv6 = hostStart < length && origin.charAt(hostStart) == '[';
        int hostEnd = ipv6 ? ipv6End(origin, hostStart) : domainEnd(origin, hostStart);
        if (hostEnd < 0 || !isPortOrEnd(origin, hostEnd)) {
            return false;
        }
        if (anyPortHosts.contains(origin, 0, hostEnd)) {
            return true;
        }
        if (ipv6) {
            return false;
        }
        for (int i = hostStart; i < hostEnd; i++) {
            if (origin.charAt(i) == '.'
                    && (subdomainsOnPort.contains(origin, 0, hostStart, i + 1, length)
                    || subdomainsAnyPort.contains(origin, 0, hostStart, i + 1, hostEnd))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the index of {@code ://} after a lower-case scheme, or -1. */
    private static int schemeEnd(String s) {
        int length = s.length();
        if (length == 0 || !isLowerAlpha(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < length; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i + 2 < length && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/' ? i : -1;
            }
            if (!isLowerAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Returns the end of a lower-case DNS name or IPv4 address starting at {@code from}: labels of
     * letters, digits, {@code -} and {@code _} joined by single dots, no empty label; or -1.
     */
    private static int domainEnd(String s, int from) {
        int length = s.length();
        int labelStart = from;
        int i = from;
        for (; i < length; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == labelStart) {
                    return -1;
                }
                labelStart = i + 1;
            } else if (c == ':') {
                break;
            } else if (!isLowerAlpha(c) && !isDigit(c) && c != '-' && c != '_') {
                return -1;
            }
        }
        return i == labelStart ? -1 : i;
    }

    /** Returns the index after the {@code ]} of a bracketed IPv6 address starting at {@code from}, or -1. */
    private static int ipv6End(String s, int from) {
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (!isDigit(c) && !(c >= 'a' && c <= 'f') && c != ':' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /** Accepts the end of the value or {@code :} followed by a port as browsers write it. */
    private static boolean isPortOrEnd(String s, int from) {
        int length = s.length();
        if (from == length) {
            return true;
        }
        int digits = length - from - 1;
        if (s.charAt(from) != ':' || digits < 1 || digits > MAX_PORT_DIGITS || s.charAt(from + 1) == '0') {
            return false;
        }
        int port = 0;
        for (int i = from + 1; i < length; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
