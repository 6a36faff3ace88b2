package dev.corsfilter.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the library says about a playground request, and what that means for the browser.
 *
 * @param preflight whether the browser sends a pre-flight first
 * @param allowed whether the browser should let the page read the answer
 * @param summary one sentence: the predicted outcome and, when blocked, the check that fails
 * @param text the full explanation, several lines, for a {@code <pre>} element
 */
record Explanation(boolean preflight, boolean allowed, String summary, String text) {

    /**
     * The explanation as a map for {@link Json#write}.
     *
     * @return {@code preflight}, {@code expected} ({@code allowed} or {@code blocked}), {@code summary}
     *     and {@code text}
     */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preflight", preflight);
        json.put("expected", allowed ? "allowed" : "blocked");
        json.put("summary", summary);
        json.put("text", text);
        return json;
    }
}
