package dev.corsfilter.docs;

import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * The error-page settings of docs/security.md, which keep internal details out of the error pages an allowed
 * origin can read. {@code dev.corsfilter.security.ErrorPageExposureTest} runs each and checks what it hides.
 */
public final class ErrorPageExamples {

    private ErrorPageExamples() {
    }

    /**
     * Tomcat: no report and no version on its own error pages.
     *
     * @param tomcat an embedded Tomcat, before {@code start()}
     */
    public static void quietTomcatErrorReport(Tomcat tomcat) {
        // tag::tomcat-error-report[]
        ErrorReportValve errorReport = new ErrorReportValve();
        errorReport.setShowReport(false);      // no message, no stack trace
        errorReport.setShowServerInfo(false);  // no "Apache Tomcat/11.x"
        tomcat.getHost().getPipeline().addValve(errorReport);
        // end::tomcat-error-report[]
    }

    /**
     * Jetty: no stack trace, no message in the title, no servlet name.
     *
     * @param context the servlet context handler
     */
    public static void quietJettyErrorHandler(ServletContextHandler context) {
        // tag::jetty-error-handler[]
        ErrorHandler errors = new ErrorHandler();     // org.eclipse.jetty.ee10.servlet.ErrorHandler
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        errors.setShowOrigin(false);
        context.setErrorHandler(errors);              // the ServletContextHandler
        // end::jetty-error-handler[]
    }

    /**
     * Jetty: every error goes to the application's own generic page at {@code /error}.
     *
     * @param context the servlet context handler
     */
    public static void genericJettyErrorPage(ServletContextHandler context) {
        // tag::jetty-error-page[]
        ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
        errorPages.addErrorPage(Throwable.class, "/error");
        errorPages.addErrorPage(500, 599, "/error");
        context.setErrorHandler(errorPages);
        // end::jetty-error-page[]
    }
}
