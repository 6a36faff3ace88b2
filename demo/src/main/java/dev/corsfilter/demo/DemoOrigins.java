package dev.corsfilter.demo;

/**
 * The three origins of a running demo.
 *
 * @param api the API, protected by the filter, e.g. {@code http://localhost:8080}
 * @param page the playground page, which the policy allows, e.g. {@code http://127.0.0.1:8081}
 * @param other a second page origin, which the policy does not allow, e.g. {@code http://127.0.0.1:8082}
 */
public record DemoOrigins(String api, String page, String other) {
}
