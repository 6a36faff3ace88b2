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
     * Joins what script saw of a case with what the server's {@link RequestLog} received for it.
     *
     * @param outcome how the last {@code fetch()} ended
     * @param status the status script read
     * @param redirected whether the response says a redirect was followed
     * @param readableHeaders the response header names script could read
     * @param body the body script read, or null
     * @param error the error of a failed fetch, or null
     * @param attempts the outcome of each call
     * @param key the case's key in the request log
     * @return the observation
     */
    public static Observation of(Outcome outcome, int status, boolean redirected, List<String> readableHeaders,
                                 String body, String error, List<String> attempts, String key) {
        List<RequestLog.Arrival> arrivals = RequestLog.arrivals(key);
        List<RequestLog.Arrival> preflights = arrivals.stream().filter(RequestLog.Arrival::preflight).toList();
        return new Observation(outcome, status, redirected,
                readableHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList(), body, error,
                attempts,
                preflights.size(),
                preflights.stream().map(RequestLog.Arrival::requestMethod).toList(),
                preflights.stream().map(arrival -> String.valueOf(arrival.requestHeaders())).toList(),
                arrivals.stream().anyMatch(arrival -> !arrival.preflight() && arrival.cookie()),
                preflights.stream().anyMatch(RequestLog.Arrival::cookie),
                RequestLog.appCalls(key),
                arrivals.stream().map(arrival -> arrival.origin() == null ? "-" : arrival.origin()).toList());
    }

    /**
     * What two observations of the same case disagree on: how the fetch ended, what script could read, and
     * what the server received. Not compared: the wording of errors, and the bodies of error pages, which
     * quote the request's URL with each run's own key (only that script could read one is).
     *
     * @param other another observation, e.g. the model's beside a browser's
     * @return one line per difference; empty when they agree
     */
    public List<String> differences(Observation other) {
        List<String> differences = new java.util.ArrayList<>();
        compare(differences, "outcome", outcome, other.outcome);
        compare(differences, "status", status, other.status);
        compare(differences, "redirected", redirected, other.redirected);
        compare(differences, "readable headers", readableHeaders, other.readableHeaders);
        if (outcome == Outcome.RESPONSE && status >= 200 && status <= 299) {
            compare(differences, "body", body, other.body);
        } else if (outcome == Outcome.RESPONSE) {
            compare(differences, "body readable", body != null, other.body != null);
        }
        compare(differences, "attempts", attempts.size(), other.attempts.size());
        compare(differences, "pre-flights", preflights, other.preflights);
        compare(differences, "pre-flight methods", preflightMethods, other.preflightMethods);
        compare(differences, "pre-flight headers", preflightHeaders, other.preflightHeaders);
        compare(differences, "cookie on the actual request", cookieOnActual, other.cookieOnActual);
        compare(differences, "cookie on a pre-flight", cookieOnPreflight, other.cookieOnPreflight);
        compare(differences, "application calls", appCalls, other.appCalls);
        compare(differences, "origins", origins, other.origins);
        return differences;
    }

    private static void compare(List<String> differences, String what, Object mine, Object theirs) {
        if (!java.util.Objects.equals(mine, theirs)) {
            differences.add(what + ": " + mine + " here, " + theirs + " there");
        }
    }

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
