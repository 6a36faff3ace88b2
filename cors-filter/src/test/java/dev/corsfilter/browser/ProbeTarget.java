package dev.corsfilter.browser;

/**
 * Where a browser case runs: the page origins and the API under test. The matrix servers, the
 * {@code web.xml} webapp and embedded Tomcat each provide one, so the same cases run against each.
 */
public interface ProbeTarget {

    /**
     * The origin of a page, e.g. {@code http://127.0.0.1:41234}.
     *
     * @param page which page
     * @return the origin, without a trailing slash
     */
    String pageOrigin(Page page);

    /**
     * The origin of the API, e.g. {@code http://localhost:41235}.
     *
     * @return the origin, without a trailing slash
     */
    String apiOrigin();

    /**
     * The page of the API that sets the session cookie (for {@code Path=/}, so the whole host).
     *
     * @return the address of the {@link ProbeServlet}'s {@code cookie} endpoint
     */
    default String cookieUrl() {
        return apiOrigin() + "/cookie";
    }

    /**
     * The base address of the API protected by a policy; case endpoints are resolved below it.
     *
     * @param policy a policy id
     * @return the address, without a trailing slash, e.g. {@code http://localhost:41235/cred}
     */
    String policyBase(String policy);

    /**
     * The address a case's {@code fetch()} goes to: its endpoint below its policy's base, with the key that
     * groups its requests in the {@link RequestLog}. A fresh key per case and run also keeps the browser's
     * pre-flight cache (keyed by URL) from carrying one case's answer into another.
     *
     * @param browserCase the case
     * @param key the key, unique per case and run
     * @return the absolute URL
     */
    default String caseUrl(BrowserCase browserCase, String key) {
        String endpoint = browserCase.request().endpoint();
        return policyBase(browserCase.policy()) + "/" + endpoint + (endpoint.contains("?") ? "&" : "?")
                + RequestLog.KEY_PARAMETER + "=" + key;
    }
}
