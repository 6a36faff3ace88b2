package dev.corsfilter.security;

import dev.corsfilter.CorsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-written servlet fakes for calling {@link CorsFilter#doFilter} directly, without a container and so
 * without a container's request-header size limit: a request whose header lines are given as-is (any
 * size, any characters, any number of repeated lines), and a response that records every header line the
 * filter sets, so duplicates and every value ever written can be inspected.
 */
final class ServletFakes {

    private ServletFakes() {
    }

    /** A request: its method and its header lines, names compared ignoring case, in order. */
    static final class Request {
        final String method;
        final List<String[]> headers = new ArrayList<>();
        final Map<String, Object> attributes = new HashMap<>();
        DispatcherType dispatcherType = DispatcherType.REQUEST;

        Request(String method) {
            this.method = method;
        }

        /** Adds one header line; call again with the same name for a repeated line. */
        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        List<String> values(String name) {
            List<String> values = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    values.add(header[1]);
                }
            }
            return values;
        }

        HttpServletRequest asServletRequest() {
            return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, call, args) -> switch (call.getName()) {
                        case "getMethod" -> method;
                        case "getHeader" -> values((String) args[0]).stream().findFirst().orElse(null);
                        case "getHeaders" -> Collections.enumeration(values((String) args[0]));
                        case "getHeaderNames" -> Collections.enumeration(new LinkedHashSet<>(
                                headers.stream().map(header -> header[0]).toList()));
                        case "getDispatcherType" -> dispatcherType;
                        case "getRequestURI" -> "/api/items";
                        case "getServletPath" -> "/api/items";
                        case "getContextPath" -> "";
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "isAsyncStarted", "isAsyncSupported", "isSecure" -> false;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "fake " + method + " request";
                        default -> defaultValue(call.getReturnType());
                    });
        }
    }

    /** A response that keeps every header line and every value ever written. */
    static final class Response {
        final List<String[]> headers = new ArrayList<>();
        final List<String> everyValueWritten = new ArrayList<>();
        int status = 200;
        boolean reset;

        List<String> values(String name) {
            List<String> values = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    values.add(header[1]);
                }
            }
            return values;
        }

        /** Header names starting with {@code Access-Control-}, lower-cased, one entry per line. */
        List<String> corsHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                    names.add(header[0].toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }

        /** The names listed in all {@code Vary} lines, lower-cased, duplicates kept. */
        List<String> varyNames() {
            List<String> names = new ArrayList<>();
            for (String value : values("Vary")) {
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return names;
        }

        /** Replaces every line of the header; a null value removes it, as servlet containers do. */
        private void set(String name, String value) {
            headers.removeIf(header -> header[0].equalsIgnoreCase(name));
            add(name, value);
        }

        private void add(String name, String value) {
            if (value != null) {
                headers.add(new String[] {name, value});
                everyValueWritten.add(value);
            }
        }

        HttpServletResponse asServletResponse() {
            return (HttpServletResponse) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, call, args) -> {
                        switch (call.getName()) {
                            case "setHeader" -> set((String) args[0], (String) args[1]);
                            case "addHeader" -> add((String) args[0], (String) args[1]);
                            case "setIntHeader" -> set((String) args[0], String.valueOf(args[1]));
                            case "addIntHeader" -> add((String) args[0], String.valueOf(args[1]));
                            case "getHeader" -> {
                                List<String> values = values((String) args[0]);
                                return values.isEmpty() ? null : values.get(0);
                            }
                            case "getHeaders" -> {
                                return values((String) args[0]);
                            }
                            case "getHeaderNames" -> {
                                return new ArrayList<>(new LinkedHashSet<>(headers.stream().map(h -> h[0]).toList()));
                            }
                            case "containsHeader" -> {
                                return !values((String) args[0]).isEmpty();
                            }
                            case "setStatus" -> status = (Integer) args[0];
                            case "getStatus" -> {
                                return status;
                            }
                            case "sendError" -> status = (Integer) args[0];
                            case "reset" -> {
                                headers.clear();
                                status = 200;
                                reset = true;
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "equals" -> {
                                return proxy == args[0];
                            }
                            case "toString" -> {
                                return "fake response";
                            }
                            default -> {
                                return defaultValue(call.getReturnType());
                            }
                        }
                        return null;
                    });
        }
    }

    /** What one call of the filter did. */
    record Exchange(Response response, boolean reachedApplication, Throwable thrown) {
    }

    /**
     * Runs the filter on a request with a chain that records whether the application was reached.
     *
     * @param filter the filter
     * @param request the request
     * @return the response, whether the chain ran, and anything thrown
     */
    static Exchange run(CorsFilter filter, Request request) {
        return run(filter, request, (req, res) -> { });
    }

    /** An application behind the filter. */
    interface Application {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    /**
     * Runs the filter with {@code application} as the rest of the chain.
     *
     * @param filter the filter
     * @param request the request
     * @param application what the application does with the request
     * @return the response, whether the chain ran, and anything thrown
     */
    static Exchange run(CorsFilter filter, Request request, Application application) {
        Response response = new Response();
        boolean[] reached = new boolean[1];
        FilterChain chain = (req, res) -> {
            reached[0] = true;
            application.handle((HttpServletRequest) req, (HttpServletResponse) res);
        };
        Throwable thrown = null;
        try {
            filter.doFilter(request.asServletRequest(), response.asServletResponse(), chain);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
        }
        return new Exchange(response, reached[0], thrown);
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
