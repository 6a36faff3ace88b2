package dev.corsfilter.internal;

import java.util.List;
import java.util.Map;

/**
 * Collects response headers in a map, for explanations and tests: one entry per header, names matched
 * ignoring case, and a line added to a header already present joined to its value with a comma, which
 * RFC 9110 section 5.3 makes equivalent for list-valued headers.
 */
public final class MapHeaderSink implements HeaderSink<Map<String, String>> {

    /** The only instance: the sink is stateless. */
    public static final MapHeaderSink INSTANCE = new MapHeaderSink();

    private MapHeaderSink() {
    }

    @Override
    public String first(Map<String, String> response, String name) {
        return get(response, name);
    }

    @Override
    public Iterable<String> values(Map<String, String> response, String name) {
        String value = get(response, name);
        return value == null ? List.of() : List.of(value);
    }

    @Override
    public void set(Map<String, String> response, String name, String value) {
        response.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        response.put(name, value);
    }

    @Override
    public void add(Map<String, String> response, String name, String value) {
        String existing = get(response, name);
        set(response, name, existing == null ? value : existing + ", " + value);
    }

    private static String get(Map<String, String> response, String name) {
        for (Map.Entry<String, String> header : response.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
