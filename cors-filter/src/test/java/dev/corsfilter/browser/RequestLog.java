package dev.corsfilter.browser;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the API servers saw, per browser case: every request that arrived (before any filter could answer
 * it) and every request that reached the application. This is the server half of an observation: a
 * browser hides from script whether a refused request was sent at all, or carried a cookie.
 *
 * <p>Requests are grouped by the {@code probe} query parameter each case puts in its URL. The log is
 * static because containers create the filters and servlets of a {@code web.xml} themselves; keys carry
 * a per-run prefix, so runs never mix. It takes plain values, not servlet types, so that the same log serves
 * a {@code javax.servlet} copy of the harness (the cors-filter-javax tests relocate its servlet classes).
 */
public final class RequestLog {

    /** The query parameter naming the case a request belongs to. */
    public static final String KEY_PARAMETER = "probe";

    /**
     * One request as it arrived.
     *
     * @param method the request method, exactly as sent
     * @param preflight whether it was a CORS pre-flight: OPTIONS with Origin and Access-Control-Request-Method
     * @param requestMethod the Access-Control-Request-Method value, or null
     * @param requestHeaders the Access-Control-Request-Headers value, or null
     * @param origin the Origin value, or null
     * @param cookie whether it carried a Cookie header
     */
    public record Arrival(String method, boolean preflight, String requestMethod, String requestHeaders,
                          String origin, boolean cookie) {
    }

    private static final Map<String, List<Arrival>> ARRIVALS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> APP_CALLS = new ConcurrentHashMap<>();

    private RequestLog() {
    }

    /**
     * Records a request as it arrives at the server, before the CORS filter.
     *
     * @param query the raw query string, or null
     * @param arrival the request
     */
    public static void arrived(String query, Arrival arrival) {
        String key = keyOf(query);
        if (key != null) {
            ARRIVALS.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(arrival);
        }
    }

    /**
     * Records that a request reached the application.
     *
     * @param query the raw query string, or null
     * @param method the request method
     */
    public static void reachedApp(String query, String method) {
        String key = keyOf(query);
        if (key != null) {
            APP_CALLS.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(method);
        }
    }

    /**
     * The requests that arrived for a case, in order.
     *
     * @param key the case's key
     * @return an immutable list, empty when none arrived
     */
    public static List<Arrival> arrivals(String key) {
        return List.copyOf(ARRIVALS.getOrDefault(key, List.of()));
    }

    /**
     * The methods of the requests of a case that reached the application, in order.
     *
     * @param key the case's key
     * @return an immutable list, empty when none did
     */
    public static List<String> appCalls(String key) {
        return List.copyOf(APP_CALLS.getOrDefault(key, List.of()));
    }

    /** Reads the key from the raw query, so that a form body is never consumed by getParameter(). */
    static String keyOf(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(KEY_PARAMETER + "=")) {
                return pair.substring(KEY_PARAMETER.length() + 1);
            }
        }
        return null;
    }
}
