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
}
