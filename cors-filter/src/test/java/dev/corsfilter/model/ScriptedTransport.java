package dev.corsfilter.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A transport whose server is a function written in the test: hand-built responses for each rule of the
 * model, independent of the filter. Records every request.
 */
final class ScriptedTransport implements Transport {

    private final Function<WireRequest, WireResponse> server;
    private final List<WireRequest> requests = new ArrayList<>();

    ScriptedTransport(Function<WireRequest, WireResponse> server) {
        this.server = server;
    }

    /** A server answering pre-flights with one response and everything else with another. */
    static ScriptedTransport answering(WireResponse preflight, WireResponse actual) {
        return new ScriptedTransport(request -> request.preflight() ? preflight : actual);
    }

    @Override
    public WireResponse send(WireRequest request) {
        requests.add(request);
        return server.apply(request);
    }

    List<WireRequest> requests() {
        return List.copyOf(requests);
    }

    WireRequest last() {
        return requests.get(requests.size() - 1);
    }
}
