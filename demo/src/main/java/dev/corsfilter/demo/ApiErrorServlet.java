package dev.corsfilter.demo;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API origin's error page: the container dispatches failed requests here (an {@code ERROR} dispatch,
 * which the {@link dev.corsfilter.CorsFilter} also sees), and it answers with the same JSON shape as the
 * API instead of the container's HTML page, so the playground shows a readable body for a 500.
 */
final class ApiErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", failure instanceof Throwable throwable ? throwable.getMessage()
                : String.valueOf(request.getAttribute(RequestDispatcher.ERROR_MESSAGE)));
        byte[] json = Json.write(body).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(json.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(json);
        }
    }
}
