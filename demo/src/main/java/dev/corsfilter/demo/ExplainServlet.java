package dev.corsfilter.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /explain} on the page origin: the library's explanation of the request the playground is
 * about to send. Parameters: {@code origin} (the calling page's origin), {@code method}, {@code path},
 * {@code credentials} and one {@code header} per request header, written {@code Name: value}. Answers with
 * the JSON of {@link Explanation#toJson()}, or 400 with an {@code error} when a parameter is wrong.
 */
final class ExplainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Explainer explainer;

    /**
     * Creates the endpoint.
     *
     * @param explainer what computes the explanation
     */
    ExplainServlet(Explainer explainer) {
        this.explainer = explainer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            PlaygroundRequest playgroundRequest = new PlaygroundRequest(
                    required(request, "origin"), required(request, "method"), required(request, "path"),
                    headers(request), required(request, "credentials"));
            JsonResponses.send(response, HttpServletResponse.SC_OK, explainer.explain(playgroundRequest).toJson());
        } catch (IllegalArgumentException e) {
            JsonResponses.send(response, HttpServletResponse.SC_BAD_REQUEST, Map.of("error", e.getMessage()));
        }
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            throw new IllegalArgumentException("parameter " + name + " is missing");
        }
        return value;
    }

    private static List<RequestHeader> headers(HttpServletRequest request) {
        String[] values = request.getParameterValues("header");
        List<RequestHeader> headers = new ArrayList<>();
        for (String line : values == null ? new String[0] : values) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header must be written Name: value, not " + line);
            }
            headers.add(new RequestHeader(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return headers;
    }
}
