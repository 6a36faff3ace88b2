package dev.corsfilter.browser;

import java.util.List;
import java.util.Locale;

/**
 * What happened to one {@link BrowserCase}: what script in the page could see, and what the API server
 * received (which script cannot see when the browser refuses the response).
 *
 * @param outcome how the last {@code fetch()} ended
 * @param status the status script read; 0 for a network error or an opaque response
 * @param redirected whether the response says a redirect was followed
 * @param readableHeaders the response header names script could read, lower-case
 * @param body the body script read, or null
 * @param error the error's name and message for a failed fetch, or null
 * @param attempts the outcome of each call when the case repeats the call
 * @param preflights how many pre-flights the server received
 * @param preflightMethods the Access-Control-Request-Method value of each pre-flight
 * @param preflightHeaders the Access-Control-Request-Headers value of each pre-flight (null when absent)
 * @param cookieOnActual whether a non-pre-flight request carried a cookie
 * @param cookieOnPreflight whether a pre-flight carried a cookie (Fetch forbids it)
 * @param appCalls the methods of the requests that reached the application
 * @param origins the Origin header of every request the server received, in order ("-" when absent)
 */
public record Observation(Outcome outcome, int status, boolean redirected, List<String> readableHeaders,
                          String body, String error, List<String> attempts, int preflights,
                          List<String> preflightMethods, List<String> preflightHeaders, boolean cookieOnActual,
                          boolean cookieOnPreflight, List<String> appCalls, List<String> origins) {

    /**
     * Describes the observation in one line, in the terms of {@link Expected#describe()}.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder text = new StringBuilder(switch (outcome) {
            case RESPONSE -> "response " + status;
            case OPAQUE -> "opaque response";
            default -> outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        });
        if (error != null) {
            text.append(" (").append(error).append(')');
        }
        if (outcome == Outcome.RESPONSE) {
            text.append(", readable ").append(readableHeaders);
            if (redirected) {
                text.append(", redirect followed");
            }
        }
        text.append(cookieOnActual ? ", cookie sent" : ", no cookie");
        text.append(", ").append(preflights).append(preflights == 1 ? " pre-flight" : " pre-flights");
        if (preflights > 0) {
            text.append(' ').append(preflightMethods).append(" headers ").append(preflightHeaders);
        }
        text.append(appCalls.isEmpty() ? ", app not reached" : ", app saw " + appCalls);
        if (origins.stream().distinct().count() > 1) {
            // Only worth a mention when it changed, as it does after a cross-origin redirect.
            text.append(", origins ").append(origins);
        }
        if (attempts.size() > 1) {
            text.append(", attempts ").append(attempts);
        }
        return text.toString();
    }
}
