package dev.corsfilter.demo;

import dev.corsfilter.CorsPolicy;

import java.time.Duration;

/** The CORS policy of the demo API: what the playground page may do, and nothing more. */
public final class DemoPolicy {

    private DemoPolicy() {
    }

    /**
     * The policy for an API called by one page origin. It allows the methods and headers the playground
     * offers, except that it leaves out {@code X-Trace-Id} and the lower-case {@code patch}, so that the
     * playground can show a refused header and a refused method; it exposes {@code X-Request-Id}, which the
     * API sets on every answer, and allows credentials, for the cookie endpoints.
     *
     * @param pageOrigin the origin allowed to call, e.g. {@code http://127.0.0.1:8081}
     * @return the policy
     */
    public static CorsPolicy allowing(String pageOrigin) {
        return CorsPolicy.builder()
                .allowedOrigins(pageOrigin)
                .allowedMethods("GET", "POST", "PUT", "DELETE", "PATCH")
                .allowedHeaders("Content-Type", "Authorization", "X-Request-Id")
                .exposedHeaders("X-Request-Id")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();
    }
}
