package dev.corsfilter.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link BrowserCase}s in a real browser of any engine against a {@link ProbeTarget}: opens the case's
 * page, makes the case's {@code fetch()} there with the probe script of {@code browser/probe.html}, and
 * joins what script saw with what the server's {@link RequestLog} received.
 */
public final class BrowserProbe {

    /** How long one {@code fetch()} may take before the page gives up on it; loopback answers in milliseconds. */
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private static final String PROBE = "spec => corsProbe(spec).catch(e => ({outcome: 'script-error', error: String(e)}))";

    private final Browser browser;
    private final ProbeTarget target;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private String openPage;
    private boolean cookieSet;

    /**
     * Prepares a probe.
     *
     * @param browser the browser
     * @param target where the cases run
     */
    public BrowserProbe(Browser browser, ProbeTarget target) {
        this.browser = browser;
        this.target = target;
    }

    /**
     * Runs one case, prints its report line and fails the test unless the browser saw what was expected,
     * a blocked {@code fetch()} rejecting with the engine's own error text.
     *
     * @param run the run's name for the report, e.g. {@code matrix}
     * @param browserCase the case
     * @param expected what the browser must see
     * @return what it saw, for further checks
     */
    public Observation check(String run, BrowserCase browserCase, Expected expected) {
        Observation seen = run(browserCase);
        List<String> mismatches = new ArrayList<>(expected.mismatches(seen));
        if (seen.outcome() == Outcome.NETWORK_ERROR && !browser.engine().fetchRejection().equals(seen.error())) {
            mismatches.add("rejection: expected " + browser.engine().fetchRejection() + ", script read " + seen.error());
        }
        String name = run + " " + browser.describe();
        System.out.println(Report.line(name, browserCase, expected, seen, mismatches));
        assertThat(mismatches).as(name + " " + Report.failure(browserCase, expected, seen)).isEmpty();
        return seen;
    }

    /**
     * Runs one case.
     *
     * @param browserCase the case
     * @return what the page and the server saw
     */
    public Observation run(BrowserCase browserCase) {
        setSessionCookie();
        String page = target.pageOrigin(browserCase.page()) + PageServlet.PATH;
        if (!page.equals(openPage)) {
            browser.open(page);
            openPage = page;
        }
        // A key per case and run: the server log groups by it, and a fresh URL keeps the browser's
        // pre-flight cache (keyed by URL) from carrying one case's answer into another.
        String key = runId + "." + browserCase.policy() + "." + browserCase.name();
        BrowserCase.Request request = browserCase.request();
        Map<String, Object> spec = new HashMap<>();
        spec.put("url", target.caseUrl(browserCase, key));
        spec.put("method", request.method());
        spec.put("headers", request.headers());
        spec.put("body", request.body());
        spec.put("credentials", request.credentials());
        spec.put("mode", request.mode());
        spec.put("repeat", request.repeat());
        spec.put("timeoutMillis", FETCH_TIMEOUT.toMillis());
        Object result = browser.call(PROBE, spec);
        if (!(result instanceof Map<?, ?> seen)) {
            throw new IllegalStateException("the probe script returned " + result);
        }
        return observation(seen, key);
    }

    /**
     * Opens the API as a top-level page so that it sets the session cookie, then once more to see on the
     * server that the browser sends it back: credentialed cases mean nothing without it. The cookie is
     * {@code Secure} only in engines that keep such a cookie on http://localhost.
     */
    private void setSessionCookie() {
        if (cookieSet) {
            return;
        }
        String url = target.cookieUrl() + "?secure=" + browser.engine().secureCookiesOnLocalhost();
        browser.open(url);
        String key = runId + ".session-cookie";
        browser.open(url + "&" + RequestLog.KEY_PARAMETER + "=" + key);
        if (RequestLog.arrivals(key).stream().noneMatch(RequestLog.Arrival::cookie)) {
            throw new IllegalStateException(browser.describe() + " did not send back the session cookie set by "
                    + url + ": " + ProbeServlet.sessionCookie(browser.engine().secureCookiesOnLocalhost()));
        }
        cookieSet = true;
        openPage = null;
    }

    private static Observation observation(Map<?, ?> seen, String key) {
        Outcome outcome = Outcome.valueOf(String.valueOf(seen.get("outcome")).toUpperCase(Locale.ROOT).replace('-', '_'));
        int status = seen.get("status") instanceof Number number ? number.intValue() : 0;
        List<String> headers = seen.get("headers") instanceof List<?> names
                ? names.stream().map(String::valueOf).toList() : List.of();
        List<String> attempts = seen.get("attempts") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return Observation.of(outcome, status, Boolean.TRUE.equals(seen.get("redirected")), headers,
                seen.get("body") == null ? null : String.valueOf(seen.get("body")),
                seen.get("error") == null ? null : String.valueOf(seen.get("error")), attempts, key);
    }
}
