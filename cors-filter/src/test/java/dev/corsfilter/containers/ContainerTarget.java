package dev.corsfilter.containers;

import dev.corsfilter.browser.Page;
import dev.corsfilter.browser.ProbeTarget;

/**
 * Where the container tests run the browser cases: two pages and one context of a container. The
 * container registers a single policy (the matrix's {@code cred} policy) on every path, so the policy id
 * in a case's URL is only a path segment here.
 *
 * @param allowedPage the origin of the page the policy allows
 * @param otherPage the origin of a page it does not allow
 * @param apiOrigin the container's origin, e.g. {@code http://localhost:41234}
 * @param contextPath the context's path, {@code ""} for the root context
 */
record ContainerTarget(String allowedPage, String otherPage, String apiOrigin, String contextPath)
        implements ProbeTarget {

    @Override
    public String pageOrigin(Page page) {
        return page == Page.ALLOWED ? allowedPage : otherPage;
    }

    @Override
    public String cookieUrl() {
        return apiOrigin + contextPath + "/cookie";
    }

    @Override
    public String policyBase(String policy) {
        return apiOrigin + contextPath + "/" + policy;
    }
}
