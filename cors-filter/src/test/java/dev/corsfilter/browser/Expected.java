package dev.corsfilter.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the Fetch standard says a page must see for one {@link BrowserCase}. Only the non-null parts are
 * checked; build one with {@link #response(int)}, {@link #networkError()} or {@link #opaque()} and the
 * {@code with}-style methods, and end with {@link #because(String)}.
 *
 * @param outcome response, opaque response or network error
 * @param status the status script reads, or null
 * @param readable response header names script must be able to read (lower-case)
 * @param hidden response header names script must not be able to read (lower-case)
 * @param cookieSent whether the actual request must carry the session cookie, or null
 * @param preflights how many pre-flights the server must receive, or null
 * @param appReached whether the actual request must reach the application, or null
 * @param bodyContains text the body script reads must contain, or null
 * @param redirected whether the response must report that a redirect was followed, or null
 * @param citation the Fetch rule that decides the outcome, one line
 */
public record Expected(Outcome outcome, Integer status, Set<String> readable, Set<String> hidden,
                       Boolean cookieSent, Integer preflights, Boolean appReached, String bodyContains,
                       Boolean redirected, String citation) {

    /**
     * A response script can read, with this status.
     *
     * @param status the status
     * @return the expectation
     */
    public static Expected response(int status) {
        return new Expected(Outcome.RESPONSE, status, Set.of(), Set.of(), null, null, null, null, null, null);
    }

    /**
     * A rejected {@code fetch()}.
     *
     * @return the expectation
     */
    public static Expected networkError() {
        return new Expected(Outcome.NETWORK_ERROR, null, Set.of(), Set.of(), null, null, null, null, null, null);
    }

    /**
     * An opaque response, status 0.
     *
     * @return the expectation
     */
    public static Expected opaque() {
        return new Expected(Outcome.OPAQUE, 0, Set.of(), Set.of(), null, null, null, null, null, null);
    }

    /**
     * Requires these response headers to be readable.
     *
     * @param names header names
     * @return a new expectation
     */
    public Expected readable(String... names) {
        return new Expected(outcome, status, lower(names), hidden, cookieSent, preflights, appReached,
                bodyContains, redirected, citation);
    }

    /**
     * Requires these response headers to be hidden from script.
     *
     * @param names header names
     * @return a new expectation
     */
    public Expected hidden(String... names) {
        return new Expected(outcome, status, readable, lower(names), cookieSent, preflights, appReached,
                bodyContains, redirected, citation);
    }

    /**
     * Requires the actual request to carry, or not carry, the session cookie.
     *
     * @param sent whether it is sent
     * @return a new expectation
     */
    public Expected cookieSent(boolean sent) {
        return new Expected(outcome, status, readable, hidden, sent, preflights, appReached, bodyContains,
                redirected, citation);
    }

    /**
     * Requires the server to receive exactly this many pre-flights.
     *
     * @param count the number
     * @return a new expectation
     */
    public Expected preflights(int count) {
        return new Expected(outcome, status, readable, hidden, cookieSent, count, appReached, bodyContains,
                redirected, citation);
    }

    /**
     * Requires the actual request to reach, or never reach, the application.
     *
     * @param reached whether it does
     * @return a new expectation
     */
    public Expected appReached(boolean reached) {
        return new Expected(outcome, status, readable, hidden, cookieSent, preflights, reached, bodyContains,
                redirected, citation);
    }

    /**
     * Requires the body script reads to contain a text.
     *
     * @param text the text
     * @return a new expectation
     */
    public Expected body(String text) {
        return new Expected(outcome, status, readable, hidden, cookieSent, preflights, appReached, text,
                redirected, citation);
    }

    /**
     * Requires the response to say whether a redirect was followed.
     *
     * @param followed whether one was
     * @return a new expectation
     */
    public Expected redirected(boolean followed) {
        return new Expected(outcome, status, readable, hidden, cookieSent, preflights, appReached, bodyContains,
                followed, citation);
    }

    /**
     * Names the Fetch rule behind this expectation.
     *
     * @param rule one line, e.g. {@code Fetch §cors-check: credentials include + ACAO * fails}
     * @return a new expectation
     */
    public Expected because(String rule) {
        return new Expected(outcome, status, readable, hidden, cookieSent, preflights, appReached, bodyContains,
                redirected, rule);
    }

    /**
     * Compares an observation with this expectation.
     *
     * @param seen what the browser and the server saw
     * @return one line per difference; empty when the observation conforms
     */
    public List<String> mismatches(Observation seen) {
        List<String> problems = new ArrayList<>();
        if (outcome != seen.outcome()) {
            problems.add("outcome: expected " + outcome + ", observed " + seen.outcome());
        }
        if (status != null && seen.outcome() != Outcome.NETWORK_ERROR && status != seen.status()) {
            problems.add("status: expected " + status + ", observed " + seen.status());
        }
        for (String name : readable) {
            if (!seen.readableHeaders().contains(name)) {
                problems.add("header " + name + " should be readable, script reads " + seen.readableHeaders());
            }
        }
        for (String name : hidden) {
            if (seen.readableHeaders().contains(name)) {
                problems.add("header " + name + " should be hidden, script reads " + seen.readableHeaders());
            }
        }
        if (cookieSent != null && cookieSent != seen.cookieOnActual()) {
            problems.add("cookie: expected " + (cookieSent ? "sent" : "not sent") + " on the actual request");
        }
        if (seen.cookieOnPreflight()) {
            // Holds for every case, so it is not part of the data: Fetch §cors-preflight-fetch sends the
            // pre-flight with credentials mode "omit".
            problems.add("a pre-flight carried a cookie, which Fetch never sends on a pre-flight");
        }
        if (preflights != null && preflights != seen.preflights()) {
            problems.add("pre-flights: expected " + preflights + ", server received " + seen.preflights());
        }
        if (appReached != null && appReached != !seen.appCalls().isEmpty()) {
            problems.add("application: expected " + (appReached ? "reached" : "not reached") + ", it saw "
                    + seen.appCalls());
        }
        if (bodyContains != null && (seen.body() == null || !seen.body().contains(bodyContains))) {
            problems.add("body: expected to contain " + bodyContains + ", script read " + seen.body());
        }
        if (redirected != null && seen.outcome() == Outcome.RESPONSE && redirected != seen.redirected()) {
            problems.add("redirected: expected " + redirected + ", observed " + seen.redirected());
        }
        return problems;
    }

    /**
     * Describes the expectation in one line.
     *
     * @return e.g. {@code response 200, readable [x-request-id], 1 pre-flight}
     */
    public String describe() {
        StringBuilder text = new StringBuilder(switch (outcome) {
            case RESPONSE -> "response " + status;
            case OPAQUE -> "opaque response";
            default -> outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        });
        if (!readable.isEmpty()) {
            text.append(", readable ").append(readable);
        }
        if (!hidden.isEmpty()) {
            text.append(", hidden ").append(hidden);
        }
        if (cookieSent != null) {
            text.append(cookieSent ? ", cookie sent" : ", no cookie");
        }
        if (preflights != null) {
            text.append(", ").append(preflights).append(preflights == 1 ? " pre-flight" : " pre-flights");
        }
        if (appReached != null) {
            text.append(appReached ? ", app reached" : ", app not reached");
        }
        if (bodyContains != null) {
            text.append(", body has \"").append(bodyContains).append('"');
        }
        if (redirected != null) {
            text.append(redirected ? ", redirect followed" : ", no redirect");
        }
        return text.toString();
    }

    private static Set<String> lower(String... names) {
        return Set.of(names).stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
