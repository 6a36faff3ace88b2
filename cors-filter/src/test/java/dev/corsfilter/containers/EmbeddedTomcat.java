package dev.corsfilter.containers;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.browser.ProbeServlet;
import dev.corsfilter.browser.RequestLogFilter;
import dev.corsfilter.browser.RequireTokenFilter;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;

import java.util.EnumSet;

/**
 * An embedded Tomcat 11 on a free loopback port with the filter registered in code, in two contexts that
 * differ only in how errors are rendered:
 *
 * <ul>
 *   <li>{@link #VALVE_CONTEXT} ({@code /valve}) has no error page, so Tomcat's own {@code ErrorReportValve}
 *       writes the page for {@code sendError} and for exceptions, after the filter chain has returned;</li>
 *   <li>{@link #ERROR_PAGE_CONTEXT} ({@code /paged}) has a default error page, so errors become an ERROR
 *       dispatch, which the filter is registered for.</li>
 * </ul>
 */
final class EmbeddedTomcat {

    /** The context whose errors Tomcat's ErrorReportValve renders. */
    static final String VALVE_CONTEXT = "/valve";
    /** The context whose errors go to an error page by an ERROR dispatch. */
    static final String ERROR_PAGE_CONTEXT = "/paged";

    private EmbeddedTomcat() {
    }

    /**
     * Starts Tomcat with both contexts.
     *
     * @param policy the policy both contexts' filters enforce
     * @return the running server
     */
    static RunningServer start(CorsPolicy policy) {
        return ServletEngine.TOMCAT.start(new WebApp()
                .context(VALVE_CONTEXT, context -> addFilters(context, policy))
                .context(ERROR_PAGE_CONTEXT, context -> addFilters(context, policy).errorPage("/error-page")));
    }

    private static WebApp.Context addFilters(WebApp.Context context, CorsPolicy policy) {
        // In registration order: the log must see pre-flights, CORS must come before security.
        return context
                .filter("request-log", new RequestLogFilter(), EnumSet.of(DispatcherType.REQUEST))
                .filter("cors", new CorsFilter(policy),
                        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR))
                .filter("require-token", new RequireTokenFilter(), EnumSet.of(DispatcherType.REQUEST))
                .servlet("/", new ProbeServlet());
    }
}
