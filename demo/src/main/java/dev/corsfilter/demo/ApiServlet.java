package dev.corsfilter.demo;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's small JSON API, mapped to {@code /api/*} on the API origin behind the {@link dev.corsfilter.CorsFilter}.
 * Each endpoint exists to show one CORS case in the playground:
 *
 * <ul>
 *   <li>{@code GET /api/items}, {@code POST /api/items}: safelisted methods, sent without a pre-flight unless
 *       a header needs one;</li>
 *   <li>{@code GET}, {@code PUT}, {@code PATCH}, {@code DELETE /api/items/{id}}: methods that need a
 *       pre-flight;</li>
 *   <li>{@code GET /api/private}: 401 without {@code Authorization: Bearer demo-token}, to show that error
 *       answers carry CORS headers too, so the page can read the 401;</li>
 *   <li>{@code GET /api/boom}: throws, so the container answers 500 through an error dispatch;</li>
 *   <li>{@code /api/login} sets a cookie and {@code /api/me} tells whether it came back, to compare the
 *       credentials modes.</li>
 * </ul>
 *
 * <p>Every answer carries {@code X-Request-Id}, which the policy exposes, so scripts can read it, and
 * {@code X-Served-By}, which it does not, so scripts cannot.
 */
final class ApiServlet extends HttpServlet {

    /** The only {@code Authorization} value {@code /api/private} accepts. */
    static final String TOKEN = "Bearer demo-token";
    /** The name of the cookie {@code /api/login} sets. */
    static final String SESSION_COOKIE = "demo_session";

    private static final long serialVersionUID = 1L;

    private static final Pattern ITEM_PATH = Pattern.compile("/items/([0-9]{1,9})");
    /** Finds {@code "name": "…"} in a body; enough for the one field the demo reads, without a JSON parser. */
    private static final Pattern NAME_FIELD = Pattern.compile("\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Request ids are echoed into a response header, so only short, plain ones are taken from clients. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_BODY = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final transient ItemStore store = new ItemStore();
    private final AtomicLong requestCount = new AtomicLong();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Request-Id", requestId(request));
        response.setHeader("X-Served-By", "cors-filter demo API");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        Matcher item = ITEM_PATH.matcher(path);
        Answer answer;
        if (path.equals("/items")) {
            answer = items(method, request, response);
        } else if (item.matches()) {
            answer = item(method, Integer.parseInt(item.group(1)), request, response);
        } else {
            answer = switch (path) {
                case "/private" -> privateData(request, response);
                case "/boom" -> throw new DeliberateFailure();
                case "/login" -> login(response);
                case "/me" -> me(request);
                default -> Answer.error(HttpServletResponse.SC_NOT_FOUND, "no such endpoint; try " + List.of(
                        "/api/items", "/api/items/1", "/api/private", "/api/boom", "/api/login", "/api/me"));
            };
        }
        send(answer, method, response);
    }

    private Answer items(String method, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return switch (method) {
            case "GET", "HEAD" -> Answer.ok(store.all());
            case "POST" -> withName(request, name -> new Answer(HttpServletResponse.SC_CREATED, store.add(name)));
            default -> methodNotAllowed(response, "GET, HEAD, POST");
        };
    }

    private Answer item(String method, int id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // Methods are matched exactly, as HTTP says: a "patch" sent by a script is not a PATCH.
        return switch (method) {
            case "GET", "HEAD" -> store.find(id).map(Answer::ok).orElseGet(() -> noSuchItem(id));
            case "PUT" -> withName(request, name -> Answer.ok(store.put(id, name)));
            case "PATCH" -> withName(request, name -> store.rename(id, name).map(Answer::ok)
                    .orElseGet(() -> noSuchItem(id)));
            case "DELETE" -> store.delete(id) ? new Answer(HttpServletResponse.SC_NO_CONTENT, null) : noSuchItem(id);
            default -> methodNotAllowed(response, "GET, HEAD, PUT, PATCH, DELETE");
        };
    }

    /** Reads the item name from the body and hands it to {@code action}, or answers 400 when there is none. */
    private static Answer withName(HttpServletRequest request, Function<String, Answer> action) throws IOException {
        String body = new String(request.getInputStream().readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        Matcher name = NAME_FIELD.matcher(body);
        if (!name.find()) {
            return Answer.error(HttpServletResponse.SC_BAD_REQUEST, "send a body such as {\"name\": \"Tea\"}");
        }
        return action.apply(name.group(1).replaceAll("\\\\([\"\\\\/])", "$1"));
    }

    private static Answer privateData(HttpServletRequest request, HttpServletResponse response) {
        if (TOKEN.equals(request.getHeader("Authorization"))) {
            return Answer.ok(Map.of("secret", "the demo token works"));
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"cors-filter demo\"");
        return Answer.error(HttpServletResponse.SC_UNAUTHORIZED, "send Authorization: " + TOKEN);
    }

    private static Answer login(HttpServletResponse response) {
        byte[] session = new byte[8];
        RANDOM.nextBytes(session);
        Cookie cookie = new Cookie(SESSION_COOKIE, HexFormat.of().formatHex(session));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        // The playground calls this API from another site (127.0.0.1 calling localhost), so this is a
        // third-party cookie. Browsers keep one only with SameSite=None, which requires Secure (Chromium
        // accepts Secure cookies from http://localhost, which it counts as secure). Where third-party cookies
        // are blocked (Debian's Chromium blocks them by default), a browser keeps one only when it is
        // Partitioned: stored for the calling page's site alone.
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "None");
        cookie.setAttribute("Partitioned", "");
        response.addCookie(cookie);
        return Answer.ok(Map.of("loggedIn", true,
                "note", "cookie " + SESSION_COOKIE + " set; a cross-origin page's browser keeps it only with credentials"
                        + " \"include\"; then call /api/me"));
    }

    private static Answer me(HttpServletRequest request) {
        boolean received = request.getCookies() != null
                && List.of(request.getCookies()).stream().anyMatch(c -> c.getName().equals(SESSION_COOKIE));
        return Answer.ok(Map.of("cookieReceived", received));
    }

    private static Answer noSuchItem(int id) {
        return Answer.error(HttpServletResponse.SC_NOT_FOUND, "no item " + id);
    }

    private static Answer methodNotAllowed(HttpServletResponse response, String allowed) {
        response.setHeader("Allow", allowed);
        return Answer.error(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "allowed here: " + allowed);
    }

    private String requestId(HttpServletRequest request) {
        String sent = request.getHeader("X-Request-Id");
        return sent != null && REQUEST_ID.matcher(sent).matches() ? sent : "api-" + requestCount.incrementAndGet();
    }

    private static void send(Answer answer, String method, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.body() == null) {
            return;
        }
        byte[] json = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(json.length);
        if (!method.equals("HEAD")) {
            response.getOutputStream().write(json);
        }
    }

    /**
     * A status and a JSON body.
     *
     * @param status the HTTP status
     * @param body what {@link Json#write} turns into the body, or null for none
     */
    private record Answer(int status, Object body) {

        static Answer ok(Object body) {
            return new Answer(HttpServletResponse.SC_OK, body);
        }

        static Answer error(int status, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            return new Answer(status, body);
        }
    }

    /**
     * Thrown by {@code /api/boom}. It has no stack trace, because the container logs it and the trace would
     * only say what its message says.
     */
    static final class DeliberateFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DeliberateFailure() {
            super("/api/boom fails on purpose, to show that a 500 still carries CORS headers", null, false, false);
        }
    }
}
