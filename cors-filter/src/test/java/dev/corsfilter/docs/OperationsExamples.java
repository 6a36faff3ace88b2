package dev.corsfilter.docs;

import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsDecisionListener;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.ShadowDisagreement;

import java.time.Duration;
import java.util.Queue;

/** The Java examples of docs/operations.md; {@link OperationsExamplesTest} runs each one. */
final class OperationsExamples {

    private OperationsExamples() {
    }

    /** Where the example listener hands refusals, as an application would hand them to its own logging. */
    interface Refusals {

        void add(String origin, String path, String reason);
    }

    static CorsFilter listener(CorsPolicy policy, Refusals refusals) {
        // tag::listener[]
        CorsFilter filter = new CorsFilter(policy);
        filter.addDecisionListener(event -> {
            if (!event.decision().allowed()) {
                refusals.add(event.origin(), event.path(), event.reason());
            }
        });
        // end::listener[]
        return filter;
    }

    static CorsFilter shadow(Queue<ShadowDisagreement> breaking) {
        // tag::shadow[]
        CorsPolicy current = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com", "https://legacy.example.com", "https://*.example.com")
                .allowCredentials(true)
                .build();
        CorsPolicy candidate = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com", "https://admin.example.com")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();

        CorsFilter filter = new CorsFilter(current);   // enforced: what browsers get
        filter.shadow(candidate);                      // evaluated beside it, never enforced
        filter.addDecisionListener(new CorsDecisionListener() {
            @Override
            public void onDecision(CorsDecisionEvent event) {
            }

            @Override
            public void onShadowDisagreement(ShadowDisagreement disagreement) {
                if (disagreement.change() == ShadowDisagreement.Change.WOULD_REFUSE) {
                    breaking.offer(disagreement);      // e.g. count per origin, alert on new ones
                }
            }
        });
        // end::shadow[]
        return filter;
    }
}
