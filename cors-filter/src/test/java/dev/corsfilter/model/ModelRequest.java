package dev.corsfilter.model;

import java.util.Locale;

/**
 * What a page's script asks for: the arguments of {@code fetch(url, init)} other than the URL. Immutable;
 * the {@code with}-style methods return copies.
 *
 * @param method the method as the script writes it ({@code patch} stays {@code patch}, {@code put} becomes {@code PUT})
 * @param headers the headers the script sets, in order; a name may repeat
 * @param body a string body, or null
 * @param credentials the credentials mode
 * @param mode the request mode
 * @param redirect the redirect mode
 * @param useCorsPreflight Fetch's use-CORS-preflight flag (set by e.g. XMLHttpRequest upload listeners):
 *     pre-flight even a safelisted method
 */
public record ModelRequest(String method, HeaderList headers, String body, Credentials credentials, Mode mode,
                           Redirect redirect, boolean useCorsPreflight) {

    /** #concept-request-credentials-mode. */
    public enum Credentials {
        /** Never send or store credentials. */
        OMIT,
        /** Credentials only for same-origin URLs: the default of {@code fetch()}. */
        SAME_ORIGIN,
        /** Always send credentials, so the response needs {@code Access-Control-Allow-Credentials: true}. */
        INCLUDE;

        /**
         * Reads the {@code credentials} member of {@code RequestInit}.
         *
         * @param value {@code omit}, {@code same-origin}, {@code include}, or null for the default
         * @return the mode
         */
        public static Credentials of(String value) {
            return value == null ? SAME_ORIGIN : valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** #concept-request-mode, as far as script can set it. */
    public enum Mode {
        /** The default: cross-origin responses need CORS headers. */
        CORS,
        /** Opaque responses, no CORS check, safelisted methods and headers only. */
        NO_CORS,
        /** Other origins are a network error. */
        SAME_ORIGIN;

        /**
         * Reads the {@code mode} member of {@code RequestInit}.
         *
         * @param value {@code cors}, {@code no-cors}, {@code same-origin}, or null for the default
         * @return the mode
         */
        public static Mode of(String value) {
            return value == null ? CORS : valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** #concept-request-redirect-mode. */
    public enum Redirect {
        /** Follow redirects: the default. */
        FOLLOW,
        /** A redirect is a network error. */
        ERROR,
        /** Return an opaque-redirect response. */
        MANUAL
    }

    /**
     * A request with the defaults of {@code fetch()}: no headers or body, credentials same-origin, mode cors,
     * redirect follow.
     *
     * @param method the method as script writes it
     * @return the request
     */
    public static ModelRequest of(String method) {
        return new ModelRequest(method, HeaderList.empty(), null, Credentials.SAME_ORIGIN, Mode.CORS, Redirect.FOLLOW,
                false);
    }

    /**
     * Adds a header, as {@code headers.append(name, value)} does.
     *
     * @param name the name
     * @param value the value
     * @return a new request
     */
    public ModelRequest header(String name, String value) {
        return new ModelRequest(method, headers.with(name, value), body, credentials, mode, redirect, useCorsPreflight);
    }

    /**
     * Sets a string body.
     *
     * @param text the body
     * @return a new request
     */
    public ModelRequest body(String text) {
        return new ModelRequest(method, headers, text, credentials, mode, redirect, useCorsPreflight);
    }

    /**
     * Sets the credentials mode.
     *
     * @param value the mode
     * @return a new request
     */
    public ModelRequest credentials(Credentials value) {
        return new ModelRequest(method, headers, body, value, mode, redirect, useCorsPreflight);
    }

    /**
     * Sets the request mode.
     *
     * @param value the mode
     * @return a new request
     */
    public ModelRequest mode(Mode value) {
        return new ModelRequest(method, headers, body, credentials, value, redirect, useCorsPreflight);
    }

    /**
     * Sets the redirect mode.
     *
     * @param value the mode
     * @return a new request
     */
    public ModelRequest redirect(Redirect value) {
        return new ModelRequest(method, headers, body, credentials, mode, value, useCorsPreflight);
    }

    /**
     * Sets the use-CORS-preflight flag.
     *
     * @return a new request
     */
    public ModelRequest forcePreflight() {
        return new ModelRequest(method, headers, body, credentials, mode, redirect, true);
    }
}
