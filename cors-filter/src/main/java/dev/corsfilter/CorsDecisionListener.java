package dev.corsfilter;

/**
 * Hears what a {@link CorsFilter} decides: once per CORS request (one with an {@code Origin}), on the
 * request's first dispatch, and, with a shadow policy, once per request on which the shadow policy would
 * decide otherwise. Register it with {@link CorsFilter#addDecisionListener(CorsDecisionListener)}; a filter
 * with no listener does no work for them.
 *
 * <p>Listeners run on request threads, after the filter has decided and before the application runs, so they
 * must be fast and thread-safe: count, or hand the event to a queue. What a listener throws is caught and
 * logged at a bounded rate; it never changes the response.
 */
@FunctionalInterface
public interface CorsDecisionListener {

    /**
     * Called once per CORS request with what the filter decided.
     *
     * @param event the decision and the request it was about
     */
    void onDecision(CorsDecisionEvent event);

    /**
     * Called once per CORS request on which the shadow policy would decide otherwise than the enforced one
     * (see {@link CorsFilter#shadow(CorsPolicy)}). Does nothing unless overridden.
     *
     * @param disagreement what each policy would do
     */
    default void onShadowDisagreement(ShadowDisagreement disagreement) {
    }
}
