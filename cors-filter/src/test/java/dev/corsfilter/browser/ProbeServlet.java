package dev.corsfilter.browser;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The application behind the CORS filter in every browser test. It answers any method, and picks its
 * behaviour from the last path segment, so that one servlet serves every policy's prefix:
 *
 * <ul>
 *   <li>{@code echo}: 200, a JSON body naming the method and the cookie received, and the response headers
 *       {@code X-Request-Id} (exposed by most policies) and {@code X-Secret} (exposed only by {@code *});</li>
 *   <li>{@code set-cookie}: like {@code echo}, plus a {@code Set-Cookie} header;</li>
 *   <li>{@code not-found}: {@code sendError(404)}; {@code boom}: throws, so the container answers 500;</li>
 *   <li>{@code redirect}: 302 to {@code echo} on the same server, keeping the query; {@code redirect-307}
 *       the same with 307 (method kept); {@code redirect-cross-origin}: 302 to {@code echo} on the same
 *       server named {@code 127.0.0.1}, another origin than {@code localhost};</li>
 *   <li>{@code stream}: a body flushed in two chunks, so the response is committed before it ends;</li>
 *   <li>{@code async}: a body written from another thread after {@code startAsync()};</li>
 *   <li>{@code cacheable}: 200 that any HTTP cache may keep for ten minutes, naming the Origin received;</li>
 *   <li>{@code /cookie}: sets the session cookie the credentialed cases need (opened as a top-level page).</li>
 * </ul>
 *
 * <p>On an ERROR dispatch (a container error page mapped here) it writes {@code {"error":status}}.
 */
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * The session cookie. Page and API are different sites (127.0.0.1 and localhost), so for the cookie to
     * go with a credentialed fetch in Chromium it must be {@code SameSite=None}, which requires
     * {@code Secure}; Chromium and Firefox accept Secure cookies on http://localhost, a potentially
     * trustworthy origin. WebKitGTK drops them over plain http, and sends a cookie without a
     * {@code SameSite} attribute cross-site, so it gets one without either. Chromium and Firefox also need
     * third-party cookies allowed, which their profiles in these tests do.
     *
     * @param secure whether the engine keeps Secure cookies on http://localhost
     * @return the Set-Cookie value
     */
    static String sessionCookie(boolean secure) {
        return secure ? "sid=browser-proof; Path=/; SameSite=None; Secure; HttpOnly" : "sid=browser-proof; Path=/; HttpOnly";
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            response.setContentType("application/json");
            response.getWriter().print("{\"error\":" + request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) + "}");
            return;
        }
        RequestLog.reachedApp(request.getQueryString(), request.getMethod());
        String path = request.getRequestURI();
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        switch (endpoint) {
            case "cookie" -> {
                response.addHeader("Set-Cookie", sessionCookie(!"false".equals(request.getParameter("secure"))));
                response.setContentType("text/html");
                response.getWriter().print("<title>cookie set</title>");
            }
            case "echo" -> echo(request, response);
            case "set-cookie" -> {
                // A cookie scoped to this path only, so it never leaks into other cases (dropped by WebKit,
                // which changes nothing: the case checks that script cannot read Set-Cookie).
                response.addHeader("Set-Cookie", "probe=1; Path=" + path + "; SameSite=None; Secure");
                echo(request, response);
            }
            case "not-found" -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "nothing here");
            case "boom" -> throw new IllegalStateException("application failure (expected by the browser tests)");
            case "redirect" -> response.sendRedirect("echo?" + request.getQueryString());
            case "redirect-307" -> {
                response.setStatus(307);
                response.setHeader("Location", "echo?" + request.getQueryString());
            }
            case "redirect-cross-origin" -> response.sendRedirect("http://127.0.0.1:" + request.getLocalPort()
                    + path.substring(0, path.lastIndexOf('/')) + "/echo?" + request.getQueryString());
            case "stream" -> {
                response.setContentType("text/plain");
                PrintWriter out = response.getWriter();
                out.print("first chunk");
                response.flushBuffer();
                out.print(", second chunk");
            }
            case "async" -> {
                AsyncContext async = request.startAsync();
                async.start(() -> {
                    try {
                        async.getResponse().setContentType("text/plain");
                        async.getResponse().getWriter().print("async body");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        async.complete();
                    }
                });
            }
            case "cacheable" -> {
                response.setHeader("Cache-Control", "max-age=600");
                response.setContentType("application/json");
                response.getWriter().print("{\"origin\":" + quote(request.getHeader("Origin")) + "}");
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "unknown probe endpoint " + endpoint);
        }
    }

    private static void echo(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Request-Id", "req-1");
        response.setHeader("X-Secret", "s3cret");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.getWriter().print("{\"method\":" + quote(request.getMethod())
                + ",\"cookie\":" + quote(request.getHeader("Cookie")) + "}");
    }

    /** A JSON string literal; inputs here are method names and our own cookie, so escaping quotes suffices. */
    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
