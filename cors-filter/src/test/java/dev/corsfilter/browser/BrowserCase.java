package dev.corsfilter.browser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the browser conformance matrix: a {@code fetch()} a page makes, the policy protecting the API
 * it calls, and what the Fetch standard says the browser must let the page see. Plain data, so that the
 * same rows can also be run through a model of the browser instead of a real one.
 *
 * @param name a short unique name within the policy, e.g. {@code patch-lower-case}
 * @param policy the id of the policy protecting the API, one of {@link BrowserCases#POLICIES}
 * @param page the page the request comes from
 * @param request the request
 * @param expected the outcome the Fetch standard requires, with its justification
 */
public record BrowserCase(String name, String policy, Page page, Request request, Expected expected) {

    /**
     * A {@code fetch()} call, relative to the API of a policy.
     *
     * @param method the method as the page writes it (case kept: {@code patch} is not {@code PATCH})
     * @param endpoint the {@link ProbeServlet} endpoint, optionally with a query, e.g. {@code echo?token=missing}
     * @param headers request headers set by the page
     * @param body a string body, or null
     * @param credentials {@code omit}, {@code same-origin} or {@code include}; null for the default (same-origin)
     * @param mode {@code cors} or {@code no-cors}; null for the default (cors)
     * @param repeat how many times the call is made in a row (to observe the pre-flight cache)
     */
    public record Request(String method, String endpoint, Map<String, String> headers, String body,
                          String credentials, String mode, int repeat) {

        /**
         * Whether the request is made in CORS mode, so that reading its response needs CORS headers.
         *
         * @return false only for {@code no-cors}
         */
        public boolean corsMode() {
            return !"no-cors".equals(mode);
        }

        /**
         * A request without headers, body or explicit credentials mode, made once.
         *
         * @param method the method, case kept
         * @param endpoint the endpoint, e.g. {@code echo}
         * @return the request
         */
        public static Request of(String method, String endpoint) {
            return new Request(method, endpoint, Map.of(), null, null, null, 1);
        }

        /**
         * Adds a request header.
         *
         * @param name the name
         * @param value the value
         * @return a new request
         */
        public Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, endpoint, Collections.unmodifiableMap(more), body, credentials, mode, repeat);
        }

        /**
         * Sets the body.
         *
         * @param text the body
         * @return a new request
         */
        public Request body(String text) {
            return new Request(method, endpoint, headers, text, credentials, mode, repeat);
        }

        /**
         * Sets the credentials mode.
         *
         * @param value {@code omit}, {@code same-origin} or {@code include}
         * @return a new request
         */
        public Request credentials(String value) {
            return new Request(method, endpoint, headers, body, value, mode, repeat);
        }

        /**
         * Sets the request mode.
         *
         * @param value {@code cors} or {@code no-cors}
         * @return a new request
         */
        public Request mode(String value) {
            return new Request(method, endpoint, headers, body, credentials, value, repeat);
        }

        /**
         * Makes the same call several times in a row.
         *
         * @param times how many calls
         * @return a new request
         */
        public Request repeat(int times) {
            return new Request(method, endpoint, headers, body, credentials, mode, times);
        }
    }

    /**
     * The id used in reports, {@code policy/name}.
     *
     * @return the id
     */
    public String id() {
        return policy + "/" + name;
    }

    /**
     * What the browser must do when the API has no CORS filter at all: every CORS-mode request fails,
     * because no response carries {@code Access-Control-Allow-Origin} (Fetch "CORS check", step 2: a
     * missing header is a failure), while {@code no-cors} requests are unaffected and stay opaque.
     *
     * @return the expected outcome of the control run
     */
    public Expected expectedWithoutFilter() {
        if (!request.corsMode()) {
            return expected;
        }
        return Expected.networkError().because("control run, no CORS filter: Fetch §cors-check fails without"
                + " Access-Control-Allow-Origin, so every CORS-mode fetch is a network error");
    }

    @Override
    public String toString() {
        return id();
    }
}
