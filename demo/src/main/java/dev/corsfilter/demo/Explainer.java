package dev.corsfilter.demo;

import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains a playground request the way the browser will make it: whether it is pre-flighted (decided by
 * {@link FetchRules}), what the library decides for the pre-flight and for the actual request (from
 * {@link CorsPolicy#evaluate}, in-process, the same decision logic the filter runs), and whether the
 * browser will accept the headers the library sends ({@link BrowserCorsCheck}).
 */
final class Explainer {

    private static final String INDENT = "     ";

    private final CorsPolicy policy;
    private final String apiOrigin;

    /**
     * Creates an explainer for the API's policy.
     *
     * @param policy the policy the API's filter enforces
     * @param apiOrigin the API's origin, for the text
     */
    Explainer(CorsPolicy policy, String apiOrigin) {
        this.policy = policy;
        this.apiOrigin = apiOrigin;
    }

    /**
     * Explains one request.
     *
     * @param request the request as set up in the playground
     * @return the explanation
     */
    Explanation explain(PlaygroundRequest request) {
        String method = FetchRules.normalizeMethod(request.method());
        List<String> preflightReasons = FetchRules.preflightReasons(method, request.headers());
        boolean preflight = !preflightReasons.isEmpty();
        StringBuilder text = new StringBuilder();
        describeRequest(request, method, text);
        text.append("\nPre-flight needed? ").append(preflight ? "yes, because" : "no: the method and every header"
                + " are CORS-safelisted").append('\n');
        preflightReasons.forEach(reason -> text.append("  - ").append(reason).append('\n'));

        if (preflight) {
            Optional<String> refusal = explainPreflight(request, method, text);
            if (refusal.isPresent()) {
                text.append("\n2. ").append(method).append(' ').append(request.path())
                        .append(": never sent, because the pre-flight failed\n");
                return new Explanation(true, false, "Blocked at the pre-flight " + refusal.get()
                        + ". The actual request is never sent.", text.toString());
            }
        }
        Optional<String> refusal = explainActual(request, method, preflight ? "2. " : "1. ", text);
        String summary = refusal
                .map(reason -> "Blocked " + reason + ". The request reached the API, which answered, but the"
                        + " browser hides the answer from the page.")
                .orElse("Allowed" + (preflight ? " after a pre-flight" : "") + ": the browser lets the page read"
                        + " the answer, whatever its status.");
        return new Explanation(preflight, refusal.isEmpty(), summary, text.toString());
    }

    private void describeRequest(PlaygroundRequest request, String method, StringBuilder text) {
        text.append("fetch ").append(method).append(' ').append(apiOrigin).append(request.path())
                .append("\n  from page origin ").append(request.origin())
                .append("\n  credentials ").append(request.credentials()).append(": ").append(switch (request.credentials()) {
                    case "include" -> "cookies go along, and the answer must allow credentials";
                    case "same-origin" -> "no cookies, because the API is another origin";
                    default -> "no cookies";
                });
        if (!method.equals(request.method())) {
            text.append("\n  the browser upper-cases ").append(request.method()).append(" to ").append(method);
        } else if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            text.append("\n  the browser sends ").append(method).append(" as written: it upper-cases only"
                    + " DELETE, GET, HEAD, OPTIONS, POST and PUT");
        }
        for (RequestHeader header : request.headers()) {
            text.append("\n  header ").append(header);
        }
        text.append('\n');
    }

    /** Appends the pre-flight step; returns the reason it fails, naming the library's decision, if it does. */
    private Optional<String> explainPreflight(PlaygroundRequest request, String method, StringBuilder text) {
        List<String> unsafeNames = FetchRules.unsafeHeaderNames(request.headers());
        String requestHeaders = unsafeNames.isEmpty() ? null : String.join(",", unsafeNames);
        CorsEvaluation evaluation = policy.evaluate(CorsRequest.preflight(request.origin(), method, requestHeaders));
        text.append("\n1. Pre-flight OPTIONS ").append(request.path())
                .append("\n   Origin: ").append(request.origin())
                .append("\n   Access-Control-Request-Method: ").append(method);
        if (requestHeaders != null) {
            text.append("\n   Access-Control-Request-Headers: ").append(requestHeaders);
        }
        text.append("\n   The library decides (CorsPolicy.evaluate):\n").append(indent(evaluation.explain()));
        Optional<String> browserProblem = BrowserCorsCheck.preflight(evaluation.status().orElseThrow(),
                evaluation.headers(), request.origin(), request.includesCredentials(), method, unsafeNames);
        text.append("\n   The browser's check ").append(browserProblem.map(problem -> "fails: " + problem)
                .orElse("passes")).append('\n');
        if (browserProblem.isEmpty()) {
            policy.maxAge().ifPresent(maxAge -> text.append("   The browser may reuse this answer for ")
                    .append(maxAge.getSeconds()).append(" s (Access-Control-Max-Age), so a repeat may show no"
                            + " pre-flight on the wire.\n"));
            return Optional.empty();
        }
        return Optional.of(evaluation.allowed() ? "(browser check): " + browserProblem.get()
                : "(" + evaluation.decision() + "): " + evaluation.reason());
    }

    /** Appends the actual request's step; returns the reason the browser refuses its answer, if it does. */
    private Optional<String> explainActual(PlaygroundRequest request, String method, String number,
                                           StringBuilder text) {
        CorsEvaluation evaluation = policy.evaluate(CorsRequest.actual(method, request.origin()));
        text.append('\n').append(number).append(method).append(' ').append(request.path())
                .append("\n   Origin: ").append(request.origin())
                .append("\n   The library decides (CorsPolicy.evaluate):\n").append(indent(evaluation.explain()));
        Optional<String> browserProblem =
                BrowserCorsCheck.actual(evaluation.headers(), request.origin(), request.includesCredentials());
        text.append("\n   The browser's check ").append(browserProblem.map(problem -> "fails: " + problem)
                .orElse("passes: the status and body of the answer do not matter to CORS")).append('\n');
        if (browserProblem.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(evaluation.allowed() ? "(browser check): " + browserProblem.get()
                : "(" + evaluation.decision() + "): " + evaluation.reason());
    }

    private static String indent(String lines) {
        return INDENT + lines.replace("\n", "\n" + INDENT);
    }
}
