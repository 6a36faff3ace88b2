package dev.corsfilter.internal;

import java.util.Map;

/** Collects response headers in a map, for explanations and tests; names are matched ignoring case. */
public final class MapHeaderSink implements HeaderSink<Map<String, String>> {

    /** The only instance: the sink is stateless. */
    public static final MapHeaderSink INSTANCE = new MapHeaderSink();

    private MapHeaderSink() {
    }

    @Override
    public String get(Map<String, String> response, String name) {
        for (Map.Entry<String, String> header : response.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    @Override
    public void set(Map<String, String> response, String name, String value) {
        response.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        response.put(name, value);
    }
}
