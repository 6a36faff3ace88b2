package dev.corsfilter.demo;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code fetch()} the playground is about to make, as the person set it up.
 *
 * @param origin the origin of the page that calls, e.g. {@code http://127.0.0.1:8081}
 * @param method the method given to {@code fetch()}, as typed (it may be {@code patch})
 * @param path the API path, e.g. {@code /api/items/1}
 * @param headers the headers the script sets
 * @param credentials the credentials mode: {@code omit}, {@code same-origin} or {@code include}
 */
record PlaygroundRequest(String origin, String method, String path, List<RequestHeader> headers, String credentials) {

    /** The credentials modes of {@code fetch()}. */
    static final Set<String> CREDENTIALS_MODES = Set.of("omit", "same-origin", "include");

    /**
     * Checks the parts.
     *
     * @param origin the caller's origin
     * @param method the method
     * @param path the path
     * @param headers the headers
     * @param credentials the credentials mode
     * @throws IllegalArgumentException when a part is missing or not one the playground can send
     */
    PlaygroundRequest {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = List.copyOf(headers);
        if (method.isBlank()) {
            throw new IllegalArgumentException("method is empty");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        if (!CREDENTIALS_MODES.contains(credentials)) {
            throw new IllegalArgumentException("credentials must be one of " + CREDENTIALS_MODES + ": " + credentials);
        }
    }

    /**
     * Whether cookies go along to the (cross-origin) API.
     *
     * @return true for credentials mode {@code include}
     */
    boolean includesCredentials() {
        return credentials.equals("include");
    }
}
