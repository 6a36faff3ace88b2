package dev.corsfilter.micrometer;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsDecisionListener;
import dev.corsfilter.ShadowDisagreement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts a {@link dev.corsfilter.CorsFilter}'s decisions in a Micrometer registry. Register it as a decision
 * listener:
 *
 * <pre>{@code
 * CorsFilter filter = new CorsFilter(policy);
 * filter.addDecisionListener(CorsMetrics.builder(registry).trackedOrigins("https://app.example.com").build());
 * }</pre>
 *
 * <p>Meters (all counters):
 * <ul>
 *   <li>{@code cors.requests} — every CORS request; tags {@code kind} ({@code actual}, {@code preflight},
 *       {@code websocket}), {@code decision} (e.g. {@code actual-allowed}, {@code origin-not-allowed},
 *       {@code header-not-allowed}; only the decisions a kind can get) and {@code outcome} ({@code allowed},
 *       {@code refused});</li>
 *   <li>{@code cors.refusals} — refused requests; tags {@code kind}, {@code decision} and {@code origin}, whose
 *       values are bounded (see {@link Builder#maxOrigins(int)}): an origin of the allow-list, one refused often
 *       enough to earn a series, {@code other} or {@code invalid};</li>
 *   <li>{@code cors.shadow.disagreements} — requests on which the shadow policy would decide otherwise; tags
 *       {@code kind}, {@code change} ({@code would-refuse}, {@code would-allow}, {@code would-change-headers}),
 *       {@code enforced} and {@code shadow} (the two decisions) and {@code origin}, bounded the same way.</li>
 * </ul>
 * Thread-safe; the counters of the bounded tag sets are created once and reused.
 */
public final class CorsMetrics implements CorsDecisionListener {

    private final MeterRegistry registry;
    private final OriginTags origins;
    private final Map<CorsDecisionEvent.Kind, Map<CorsDecision, Counter>> requests =
            new EnumMap<>(CorsDecisionEvent.Kind.class);
    private final Map<List<String>, Counter> refusals = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> disagreements = new ConcurrentHashMap<>();

    /** The decisions each kind of request can get; no other pair is ever counted. */
    private static final Map<CorsDecisionEvent.Kind, Set<CorsDecision>> POSSIBLE = Map.of(
            CorsDecisionEvent.Kind.ACTUAL, EnumSet.of(CorsDecision.ACTUAL_ALLOWED, CorsDecision.ORIGIN_NOT_ALLOWED),
            CorsDecisionEvent.Kind.WEBSOCKET, EnumSet.of(CorsDecision.ACTUAL_ALLOWED, CorsDecision.ORIGIN_NOT_ALLOWED),
            CorsDecisionEvent.Kind.PREFLIGHT, EnumSet.complementOf(EnumSet.of(CorsDecision.NOT_CORS,
                    CorsDecision.ACTUAL_ALLOWED)));

    private CorsMetrics(MeterRegistry registry, OriginTags origins) {
        this.registry = registry;
        this.origins = origins;
        POSSIBLE.forEach((kind, decisions) -> {
            Map<CorsDecision, Counter> byDecision = new EnumMap<>(CorsDecision.class);
            decisions.forEach(decision -> byDecision.put(decision, Counter.builder("cors.requests")
                    .description("CORS requests by decision")
                    .tags("kind", tag(kind), "decision", tag(decision), "outcome", decision.allowed() ? "allowed" : "refused")
                    .register(registry)));
            requests.put(kind, byDecision);
        });
    }

    /**
     * Starts metrics for a registry, with the default bounds: 50 origins may earn a series, by 10 refusals
     * within a minute.
     *
     * @param registry where the counters go
     * @return a builder
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public void onDecision(CorsDecisionEvent event) {
        Counter counter = requests.get(event.kind()).get(event.decision());
        if (counter != null) {
            counter.increment();
        }
        if (!event.decision().allowed()) {
            List<String> key = List.of(tag(event.kind()), tag(event.decision()), origins.tag(event.origin()));
            refusals.computeIfAbsent(key, tags -> Counter.builder("cors.refusals")
                    .description("Refused CORS requests by origin").tags("kind", tags.get(0), "decision", tags.get(1),
                            "origin", tags.get(2)).register(registry)).increment();
        }
    }

    @Override
    public void onShadowDisagreement(ShadowDisagreement disagreement) {
        List<String> key = List.of(tag(disagreement.kind()), tag(disagreement.change()), tag(disagreement.enforced().decision()),
                tag(disagreement.candidate().decision()), origins.tag(disagreement.origin()));
        disagreements.computeIfAbsent(key, tags -> Counter.builder("cors.shadow.disagreements")
                .description("Requests on which the shadow policy would decide otherwise").tags("kind", tags.get(0),
                        "change", tags.get(1), "enforced", tags.get(2), "shadow", tags.get(3), "origin", tags.get(4))
                .register(registry)).increment();
    }

    /**
     * How many origins have earned a series of their own, beyond the allow-list.
     *
     * @return the count
     */
    public int trackedOrigins() {
        return origins.trackedCount();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Sets the bounds of the {@code origin} tag; {@link #build()} makes the metrics. */
    public static final class Builder {

        private final MeterRegistry registry;
        private final Set<String> trackedOrigins = new HashSet<>();
        private int maxOrigins = 50;
        private int threshold = 10;
        private Duration window = Duration.ofMinutes(1);

        private Builder(MeterRegistry registry) {
            if (registry == null) {
                throw new NullPointerException("registry");
            }
            this.registry = registry;
        }

        /**
         * Origins that always get a series of their own, such as the front ends you expect.
         *
         * @param origins serialised origins, e.g. {@code https://app.example.com}
         * @return this builder
         */
        public Builder trackedOrigins(String... origins) {
            trackedOrigins.addAll(List.of(origins));
            return this;
        }

        /**
         * How many origins beyond the tracked ones may earn a series; refusals of the others are tagged
         * {@code other}. Bounds the cardinality whatever attackers send.
         *
         * @param maxOrigins from 0 to 1000
         * @return this builder
         */
        public Builder maxOrigins(int maxOrigins) {
            if (maxOrigins < 0 || maxOrigins > 1_000) {
                throw new IllegalArgumentException("maxOrigins " + maxOrigins + " is outside 0 to 1000");
            }
            this.maxOrigins = maxOrigins;
            return this;
        }

        /**
         * How many refusals within a window earn an origin its series, so that origins sent once do not.
         *
         * @param refusals at least 1
         * @param window the window, at least one second
         * @return this builder
         */
        public Builder earnedBy(int refusals, Duration window) {
            if (refusals < 1 || window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("earnedBy needs at least 1 refusal within at least 1 second");
            }
            this.threshold = refusals;
            this.window = window;
            return this;
        }

        /**
         * Makes the metrics and registers the fixed counters.
         *
         * @return the metrics, a decision listener
         */
        public CorsMetrics build() {
            return new CorsMetrics(registry, new OriginTags(trackedOrigins, maxOrigins, threshold, window.toNanos(),
                    System::nanoTime));
        }
    }
}
