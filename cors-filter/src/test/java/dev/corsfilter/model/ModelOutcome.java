package dev.corsfilter.model;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What script sees at the end of a model fetch, plus what went over the wire.
 *
 * @param kind a readable response, an opaque one, or a network error
 * @param failedRule for a network error, the rule that failed; else null
 * @param failedInPreflight whether that rule failed while checking a pre-flight response
 * @param status the status script reads; 0 for opaque responses and network errors
 * @param readableHeaders the lower-case response header names script can read (present on the response)
 * @param body the body script reads; null unless {@link Kind#RESPONSE}
 * @param redirected whether a redirect was followed ({@code response.redirected})
 * @param url the final URL
 * @param credentialsIncluded whether the last non-pre-flight request was made with credentials
 *     (includeCredentials of #http-network-or-cache-fetch): it then carries the cookie jar's cookies for its host
 * @param exchanges every request sent, pre-flights included, in order
 */
public record ModelOutcome(Kind kind, CorsRule failedRule, boolean failedInPreflight, int status,
                           Set<String> readableHeaders, String body, boolean redirected, URI url,
                           boolean credentialsIncluded, List<Exchange> exchanges) {

    /** How the {@code fetch()} ended. */
    public enum Kind {
        /** A basic or CORS filtered response. */
        RESPONSE,
        /** An opaque or opaque-redirect filtered response: status 0, no headers, no body. */
        OPAQUE,
        /** The promise rejected with a TypeError. */
        NETWORK_ERROR
    }

    /**
     * Whether the fetch failed.
     *
     * @return true for a network error
     */
    public boolean networkError() {
        return kind == Kind.NETWORK_ERROR;
    }

    /**
     * How many CORS-preflight requests were sent.
     *
     * @return the count
     */
    public long preflights() {
        return exchanges.stream().filter(exchange -> exchange.request().preflight()).count();
    }

    /**
     * The non-pre-flight requests sent, in order.
     *
     * @return the requests
     */
    public List<WireRequest> actualRequests() {
        return exchanges.stream().map(Exchange::request).filter(request -> !request.preflight()).toList();
    }

    /**
     * One line for failure messages.
     *
     * @return e.g. {@code network error: METHOD_NOT_ALLOWED (pre-flight) https://fetch.spec.whatwg.org/#...}
     */
    public String describe() {
        return switch (kind) {
            case NETWORK_ERROR -> "network error: " + failedRule + (failedInPreflight ? " (pre-flight)" : "") + " "
                    + failedRule.citation();
            case OPAQUE -> "opaque response";
            case RESPONSE -> "response " + status + ", readable " + readableHeaders + (redirected ? ", redirected" : "");
        } + ", " + exchanges.size() + " request(s)";
    }
}
