package dev.corsfilter.testing;

import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsDecisionListener;
import dev.corsfilter.ShadowDisagreement;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A decision listener that remembers every event and every shadow disagreement, from any thread. */
public final class RecordingListener implements CorsDecisionListener {

    /** The events heard, in order. */
    public final List<CorsDecisionEvent> events = new CopyOnWriteArrayList<>();
    /** The shadow disagreements heard, in order. */
    public final List<ShadowDisagreement> disagreements = new CopyOnWriteArrayList<>();

    @Override
    public void onDecision(CorsDecisionEvent event) {
        events.add(event);
    }

    @Override
    public void onShadowDisagreement(ShadowDisagreement disagreement) {
        disagreements.add(disagreement);
    }
}
