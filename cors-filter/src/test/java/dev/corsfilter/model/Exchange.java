package dev.corsfilter.model;

/**
 * One request the model browser sent and the response it got, for tests that look at the traffic.
 *
 * @param request the request
 * @param response the response, or null when the transport failed
 */
public record Exchange(WireRequest request, WireResponse response) {
}
