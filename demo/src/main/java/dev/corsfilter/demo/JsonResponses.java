package dev.corsfilter.demo;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Sends JSON answers from the page origin's small endpoints. */
final class JsonResponses {

    private JsonResponses() {
    }

    /**
     * Sends a value as a JSON body that no cache keeps, since every answer depends on the running demo.
     *
     * @param response the response
     * @param status the HTTP status
     * @param value what {@link Json#write} accepts
     * @throws IOException when the client has gone
     */
    static void send(HttpServletResponse response, int status, Object value) throws IOException {
        byte[] json = Json.write(value).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
