package dev.corsfilter.browser;

/** What a page's {@code fetch()} ended with, as script sees it. */
public enum Outcome {
    /** A response script may read: a basic or CORS filtered response. */
    RESPONSE,
    /** An opaque response ({@code mode: 'no-cors'}): status 0, no headers, no body. */
    OPAQUE,
    /** The promise rejected with a TypeError, which is how Fetch reports every CORS failure. */
    NETWORK_ERROR,
    /** The probe's own deadline passed; never expected, always a test failure. */
    TIMEOUT,
    /** Anything else the script threw; never expected. */
    SCRIPT_ERROR
}
