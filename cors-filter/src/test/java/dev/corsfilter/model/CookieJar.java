package dev.corsfilter.model;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model browser's cookies: just enough of RFC 6265 to tell whether a request carried credentials.
 * Cookies are kept per host (cookies ignore ports) as name/value pairs; attributes such as {@code Path},
 * {@code Secure}, {@code SameSite} and expiry are ignored. Fetch decides whether they are sent at all
 * (#http-network-or-cache-fetch, "includeCredentials"), which is the part the model is about. Not thread-safe.
 */
public final class CookieJar {

    private final Map<String, Map<String, String>> byHost = new LinkedHashMap<>();

    /**
     * Stores a cookie as a {@code Set-Cookie} header value would.
     *
     * @param url the URL the cookie came from
     * @param setCookie e.g. {@code sid=abc; Path=/; HttpOnly}
     */
    public void store(URI url, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        byHost.computeIfAbsent(host(url), host -> new LinkedHashMap<>())
                .put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }

    /**
     * The {@code Cookie} header value for a URL.
     *
     * @param url the URL
     * @return e.g. {@code sid=abc; theme=dark}, or null when there is no cookie for its host
     */
    public String cookieHeader(URI url) {
        Map<String, String> cookies = byHost.get(host(url));
        if (cookies == null || cookies.isEmpty()) {
            return null;
        }
        return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String host(URI url) {
        return url.getHost().toLowerCase(Locale.ROOT);
    }
}
