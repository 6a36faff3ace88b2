package dev.corsfilter.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /config} on the page origin: the three origins and the API's policy, which the playground
 * needs and which depend on the ports the demo got, so they cannot be written into the static page.
 */
final class ConfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Object> config = new LinkedHashMap<>();

    /**
     * Creates the endpoint.
     *
     * @param origins the demo's origins
     * @param policy the policy's description, as {@code CorsPolicy.toString()} gives it
     */
    ConfigServlet(DemoOrigins origins, String policy) {
        config.put("apiOrigin", origins.api());
        config.put("pageOrigin", origins.page());
        config.put("otherOrigin", origins.other());
        config.put("policy", policy);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.send(response, HttpServletResponse.SC_OK, config);
    }
}
