package dev.corsfilter.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fetch's classification of request headers: which name/value pairs are CORS-safelisted, which names a
 * pre-flight must ask for, and which headers script may not set at all.
 */
final class RequestHeaderRules {

    /** #cors-safelisted-request-header step 1: longer values are never safelisted. */
    static final int MAX_SAFELISTED_VALUE_LENGTH = 128;
    /** #cors-unsafe-request-header-names step 5: above this total, safelisted headers stop being safe. */
    static final int MAX_SAFELISTED_TOTAL_LENGTH = 1024;

    private static final Set<String> FORBIDDEN_NAMES = Set.of("accept-charset", "accept-encoding",
            "access-control-request-headers", "access-control-request-method", "connection", "content-length",
            "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie",
            "te", "trailer", "transfer-encoding", "upgrade", "via");
    private static final Set<String> METHOD_OVERRIDES = Set.of("x-http-method", "x-http-method-override",
            "x-method-override");
    private static final Set<String> NO_CORS_SAFELISTED_NAMES = Set.of("accept", "accept-language",
            "content-language", "content-type");
    private static final Set<String> SAFE_CONTENT_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    private RequestHeaderRules() {
    }

    /**
     * Fetch #cors-safelisted-request-header: whether a header may be sent cross-origin without asking.
     * The decision depends on the value, not just the name.
     *
     * @param name the name, any case
     * @param value the value
     * @return true when safelisted
     */
    static boolean isSafelisted(String name, String value) {
        if (value.length() > MAX_SAFELISTED_VALUE_LENGTH) {
            return false;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "accept" -> !containsUnsafeByte(value);
            case "accept-language", "content-language" -> value.chars().allMatch(RequestHeaderRules::isLanguageByte);
            case "content-type" -> !containsUnsafeByte(value)
                    && MimeTypeEssence.of(value).filter(SAFE_CONTENT_TYPES::contains).isPresent();
            case "range" -> SingleRange.isSafelisted(value);
            default -> false;
        };
    }

    /**
     * Fetch #cors-unsafe-request-header-names: the names a pre-flight must ask for, byte-lower-cased,
     * unique and sorted (#convert-header-names-to-a-sorted-lowercase-set). Safelisted headers join them
     * when their values add up to more than 1024 bytes.
     *
     * @param headers the request's header list
     * @return the names, sorted; empty when no header needs a pre-flight
     */
    static List<String> unsafeNames(HeaderList headers) {
        List<String> unsafe = new ArrayList<>();
        List<String> potentiallyUnsafe = new ArrayList<>();
        int safelistValueSize = 0;
        for (HeaderList.Header header : headers.all()) {
            if (isSafelisted(header.name(), header.value())) {
                potentiallyUnsafe.add(header.name());
                safelistValueSize += header.value().length();
            } else {
                unsafe.add(header.name());
            }
        }
        if (safelistValueSize > MAX_SAFELISTED_TOTAL_LENGTH) {
            unsafe.addAll(potentiallyUnsafe);
        }
        Set<String> sorted = new TreeSet<>();
        unsafe.forEach(name -> sorted.add(name.toLowerCase(Locale.ROOT)));
        return List.copyOf(sorted);
    }

    /**
     * Fetch #forbidden-request-header: headers the user agent keeps control of; {@code Headers} drops them
     * silently when script sets them.
     *
     * @param name the name
     * @param value the value
     * @return true when script may not set it
     */
    static boolean isForbidden(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (FORBIDDEN_NAMES.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-")) {
            return true;
        }
        if (METHOD_OVERRIDES.contains(lower)) {
            for (String method : value.split(",", -1)) {
                if (Methods.isForbidden(HttpSyntax.trimOws(method))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Fetch #no-cors-safelisted-request-header: the only headers a {@code no-cors} request keeps.
     *
     * @param name the name
     * @param value the value (for a repeated name, the combined value)
     * @return true when kept
     */
    static boolean isNoCorsSafelisted(String name, String value) {
        return NO_CORS_SAFELISTED_NAMES.contains(name.toLowerCase(Locale.ROOT)) && isSafelisted(name, value);
    }

    /**
     * Fetch #cors-non-wildcard-request-header-name: {@code Authorization}, which {@code *} in
     * {@code Access-Control-Allow-Headers} never covers.
     *
     * @param name a name
     * @return true for {@code Authorization} in any case
     */
    static boolean isNonWildcardName(String name) {
        return "authorization".equalsIgnoreCase(name);
    }

    /**
     * Fetch #request-body-header-name: the headers describing a body, deleted when a redirect turns the
     * request into a body-less {@code GET} (#http-redirect-fetch step 12).
     *
     * @param name a name
     * @return true for {@code Content-Encoding}, {@code -Language}, {@code -Location} and {@code -Type}
     */
    static boolean isRequestBodyHeaderName(String name) {
        return Set.of("content-encoding", "content-language", "content-location", "content-type")
                .contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Fetch #cors-unsafe-request-header-byte: controls other than HT, DEL, and {@code "():<>?@[\]{}}.
     *
     * @param value a value
     * @return true when one such byte occurs
     */
    static boolean containsUnsafeByte(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || "\"():<>?@[\\]{}".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The bytes {@code Accept-Language} and {@code Content-Language} may hold: {@code 0-9A-Za-z *,-.;=}. */
    private static boolean isLanguageByte(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || " *,-.;=".indexOf(c) >= 0;
    }
}
