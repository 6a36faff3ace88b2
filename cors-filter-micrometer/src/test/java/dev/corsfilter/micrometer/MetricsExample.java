package dev.corsfilter.micrometer;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

/** The Micrometer example of docs/operations.md; {@link MetricsExampleTest} runs it. */
final class MetricsExample {

    private MetricsExample() {
    }

    static CorsFilter filterWithMetrics(CorsPolicy policy, MeterRegistry registry) {
        // tag::metrics[]
        CorsFilter filter = new CorsFilter(policy);
        filter.addDecisionListener(CorsMetrics.builder(registry)
                .trackedOrigins("https://app.example.com", "https://admin.example.com")  // always their own series
                .maxOrigins(50)                           // at most 50 more origins get a series ...
                .earnedBy(10, Duration.ofMinutes(1))      // ... each by 10 refusals within a minute
                .build());
        // end::metrics[]
        return filter;
    }
}
