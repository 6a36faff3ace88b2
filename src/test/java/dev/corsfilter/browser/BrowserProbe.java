package dev.corsfilter.browser;

import org.openqa.selenium.Cookie;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@link BrowserCase}s in a real browser against a {@link ProbeTarget}: opens the case's page, makes
 * the case's {@code fetch()} there with the probe script of {@code browser/probe.html}, and joins what
 * script saw with what the server's {@link RequestLog} received.
 */
public final class BrowserProbe {

    /** How long one {@code fetch()} may take before the page gives up on it; loopback answers in milliseconds. */
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private static final String SCRIPT = """
            const done = arguments[arguments.length - 1];
            corsProbe(arguments[0]).then(done, e => done({outcome: 'script-error', error: String(e)}));
            """;

    private final HeadlessChromium chromium;
    private final ProbeTarget target;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private String openPage;
    private boolean cookieSet;

    /**
     * Prepares a probe.
     *
     * @param chromium the browser
     * @param target where the cases run
     */
    public BrowserProbe(HeadlessChromium chromium, ProbeTarget target) {
        this.chromium = chromium;
        this.target = target;
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
            chromium.open(page);
            openPage = page;
        }
        // A key per case and run: the server log groups by it, and a fresh URL keeps the browser's
        // pre-flight cache (keyed by URL) from carrying one case's answer into another.
        String key = runId + "." + browserCase.policy() + "." + browserCase.name();
        BrowserCase.Request request = browserCase.request();
        String endpoint = request.endpoint();
        String url = target.policyBase(browserCase.policy()) + "/" + endpoint
                + (endpoint.contains("?") ? "&" : "?") + RequestLog.KEY_PARAMETER + "=" + key;
        Map<String, Object> spec = new HashMap<>();
        spec.put("url", url);
        spec.put("method", request.method());
        spec.put("headers", request.headers());
        spec.put("body", request.body());
        spec.put("credentials", request.credentials());
        spec.put("mode", request.mode());
        spec.put("repeat", request.repeat());
        spec.put("timeoutMillis", FETCH_TIMEOUT.toMillis());
        Object result = chromium.runAsync(SCRIPT, spec);
        if (!(result instanceof Map<?, ?> seen)) {
            throw new IllegalStateException("the probe script returned " + result);
        }
        return observation(seen, key);
    }

    /**
     * Opens the API once as a top-level page so that it sets the session cookie, and checks that the
     * browser kept it: credentialed cases mean nothing without it.
     */
    private void setSessionCookie() {
        if (cookieSet) {
            return;
        }
        chromium.open(target.cookieUrl());
        Cookie cookie = chromium.driver().manage().getCookieNamed("sid");
        if (cookie == null) {
            throw new IllegalStateException("Chromium did not store the session cookie " + ProbeServlet.SESSION_COOKIE
                    + " from " + target.cookieUrl());
        }
        cookieSet = true;
        openPage = null;
    }

    private static Observation observation(Map<?, ?> seen, String key) {
        Outcome outcome = Outcome.valueOf(String.valueOf(seen.get("outcome")).toUpperCase(Locale.ROOT).replace('-', '_'));
        int status = seen.get("status") instanceof Number number ? number.intValue() : 0;
        List<String> headers = seen.get("headers") instanceof List<?> names
                ? names.stream().map(name -> String.valueOf(name).toLowerCase(Locale.ROOT)).sorted().toList()
                : List.of();
        List<String> attempts = seen.get("attempts") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        List<RequestLog.Arrival> arrivals = RequestLog.arrivals(key);
        List<RequestLog.Arrival> preflights = arrivals.stream().filter(RequestLog.Arrival::preflight).toList();
        return new Observation(outcome, status, Boolean.TRUE.equals(seen.get("redirected")), headers,
                seen.get("body") == null ? null : String.valueOf(seen.get("body")),
                seen.get("error") == null ? null : String.valueOf(seen.get("error")),
                attempts,
                preflights.size(),
                preflights.stream().map(RequestLog.Arrival::requestMethod).toList(),
                preflights.stream().map(arrival -> String.valueOf(arrival.requestHeaders())).toList(),
                arrivals.stream().anyMatch(arrival -> !arrival.preflight() && arrival.cookie()),
                preflights.stream().anyMatch(RequestLog.Arrival::cookie),
                RequestLog.appCalls(key),
                arrivals.stream().map(arrival -> arrival.origin() == null ? "-" : arrival.origin()).toList());
    }
}
