package dev.corsfilter.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The few rules of the Fetch standard that decide, before anything is sent, how a browser makes a
 * cross-origin {@code fetch()}: how it spells the method, and whether it first sends a pre-flight.
 *
 * <p>A pre-flight is needed when the method is not CORS-safelisted ({@code GET}, {@code HEAD},
 * {@code POST}) or a header the script set is not a CORS-safelisted request-header. Of the safelisted
 * headers, this class knows {@code Accept}, {@code Accept-Language}, {@code Content-Language} and
 * {@code Content-Type}; it leaves out {@code Range} and the 1024-byte total, which the playground cannot
 * reach. That keeps it small while exact for every request the playground can make.
 */
final class FetchRules {

    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");
    /** The only methods browsers upper-case; any other spelling is sent as written. */
    private static final Set<String> NORMALIZED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");
    private static final Set<String> SAFELISTED_CONTENT_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");
    private static final int MAX_SAFELISTED_VALUE = 128;

    private FetchRules() {
    }

    /**
     * The method as the browser sends it: {@code delete get head options post put} in any case become upper
     * case, every other method keeps its spelling, so {@code patch} stays {@code patch}.
     *
     * @param method the method given to {@code fetch()}
     * @return the method on the wire
     */
    static String normalizeMethod(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return NORMALIZED_METHODS.contains(upper) ? upper : method;
    }

    /**
     * Whether a normalized method is sent without a pre-flight.
     *
     * @param method the method on the wire
     * @return true for {@code GET}, {@code HEAD} and {@code POST}
     */
    static boolean isSafelistedMethod(String method) {
        return SAFELISTED_METHODS.contains(method);
    }

    /**
     * Whether a request header, as set by a script, is sent without a pre-flight.
     *
     * @param name the header name, any case
     * @param value the header value
     * @return true for a CORS-safelisted request-header
     */
    static boolean isSafelistedHeader(String name, String value) {
        if (value.length() > MAX_SAFELISTED_VALUE) {
            return false;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "accept" -> hasNoUnsafeByte(value);
            case "accept-language", "content-language" -> value.chars().allMatch(FetchRules::isLanguageChar);
            case "content-type" -> hasNoUnsafeByte(value) && SAFELISTED_CONTENT_TYPES.contains(essence(value));
            default -> false;
        };
    }

    /**
     * Why a request needs a pre-flight, one reason per offending method or header.
     *
     * @param method the method on the wire
     * @param headers the headers the script set
     * @return the reasons; empty when the browser sends the request straight away
     */
    static List<String> preflightReasons(String method, List<RequestHeader> headers) {
        List<String> reasons = new ArrayList<>();
        if (!isSafelistedMethod(method)) {
            reasons.add("method " + method + " is not CORS-safelisted (only GET, HEAD and POST are)");
        }
        for (RequestHeader header : headers) {
            if (header.name().equalsIgnoreCase("content-type") && !isSafelistedHeader(header.name(), header.value())) {
                reasons.add("Content-Type " + header.value() + " is not one of the safelisted types "
                        + new TreeSet<>(SAFELISTED_CONTENT_TYPES));
            } else if (!isSafelistedHeader(header.name(), header.value())) {
                reasons.add("header " + header.name() + " is not CORS-safelisted");
            }
        }
        return reasons;
    }

    /**
     * The names a pre-flight lists in {@code Access-Control-Request-Headers}: those of the headers that are
     * not safelisted, lower-cased, without duplicates, sorted and joined by commas without spaces.
     *
     * @param headers the headers the script set
     * @return the names, possibly empty
     */
    static List<String> unsafeHeaderNames(List<RequestHeader> headers) {
        TreeSet<String> names = new TreeSet<>();
        for (RequestHeader header : headers) {
            if (!isSafelistedHeader(header.name(), header.value())) {
                names.add(header.name().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean hasNoUnsafeByte(String value) {
        return value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F || "\"():<>?@[\\]{}".indexOf(c) >= 0);
    }

    private static boolean isLanguageChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || " *,-.;=".indexOf(c) >= 0;
    }
}
