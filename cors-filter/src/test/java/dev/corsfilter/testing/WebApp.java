package dev.corsfilter.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A web application described in code, independent of the container that will run it: contexts, each with
 * filters in registration order, servlets by path and an optional error page for every status and exception.
 * {@link ServletEngine} deploys it to embedded Jetty or Tomcat, so one test runs on both.
 */
public final class WebApp {

    /**
     * A filter and its mapping.
     *
     * @param name the filter name
     * @param filter the filter
     * @param urlPattern the URL pattern it is mapped to, e.g. {@code /*} or {@code /api/*}
     * @param dispatches the dispatches it is mapped for
     */
    public record FilterEntry(String name, Filter filter, String urlPattern, EnumSet<DispatcherType> dispatches) {
    }

    /** One context of the application. */
    public static final class Context {

        private final String path;
        private final List<FilterEntry> filters = new ArrayList<>();
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        private String errorPage;

        private Context(String path) {
            this.path = path;
        }

        /**
         * Registers a filter for every path; filters run in the order they are added.
         *
         * @param name the filter name
         * @param filter the filter
         * @param dispatches the dispatches it is mapped for
         * @return this context
         */
        public Context filter(String name, Filter filter, EnumSet<DispatcherType> dispatches) {
            return filter(name, filter, "/*", dispatches);
        }

        /**
         * Registers a filter for the paths of one URL pattern; filters run in the order they are added.
         *
         * @param name the filter name
         * @param filter the filter
         * @param urlPattern the URL pattern, e.g. {@code /api/*}
         * @param dispatches the dispatches it is mapped for
         * @return this context
         */
        public Context filter(String name, Filter filter, String urlPattern, EnumSet<DispatcherType> dispatches) {
            filters.add(new FilterEntry(name, filter, urlPattern, dispatches));
            return this;
        }

        /**
         * Registers an async-capable servlet.
         *
         * @param pathSpec its mapping, e.g. {@code /} or {@code /api/*}
         * @param servlet the servlet
         * @return this context
         */
        public Context servlet(String pathSpec, HttpServlet servlet) {
            servlets.put(pathSpec, servlet);
            return this;
        }

        /**
         * Sends every error status and uncaught exception to a page by an ERROR dispatch.
         *
         * @param location the context-relative path of the page
         * @return this context
         */
        public Context errorPage(String location) {
            this.errorPage = location;
            return this;
        }

        /**
         * The context path.
         *
         * @return e.g. {@code /exact}, or the empty string for the root context
         */
        public String path() {
            return path;
        }

        /**
         * The filters in registration order.
         *
         * @return the filters
         */
        public List<FilterEntry> filters() {
            return filters;
        }

        /**
         * The servlets by mapping.
         *
         * @return the servlets
         */
        public Map<String, HttpServlet> servlets() {
            return servlets;
        }

        /**
         * The error page, if any.
         *
         * @return its location, or null when the container renders errors itself
         */
        public String errorPage() {
            return errorPage;
        }
    }

    private final List<Context> contexts = new ArrayList<>();

    /**
     * Adds a context.
     *
     * @param path the context path, e.g. {@code /exact}
     * @param setup registers the context's filters, servlets and error page
     * @return this application
     */
    public WebApp context(String path, Consumer<Context> setup) {
        Context context = new Context(path);
        setup.accept(context);
        contexts.add(context);
        return this;
    }

    /**
     * The contexts.
     *
     * @return the contexts in the order added
     */
    public List<Context> contexts() {
        return contexts;
    }
}
