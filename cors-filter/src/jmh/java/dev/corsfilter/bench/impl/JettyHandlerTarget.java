package dev.corsfilter.bench.impl;

import dev.corsfilter.bench.Observed;
import dev.corsfilter.bench.Scenario;
import dev.corsfilter.bench.Target;
import dev.corsfilter.testing.FakeJettyCoreRequest;
import dev.corsfilter.testing.FakeJettyCoreResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.List;

/**
 * A Jetty 12 core {@link Handler.Wrapper} (the {@code CrossOriginHandler}) driven with core fakes, in front of
 * a handler that does nothing but complete the callback.
 */
public final class JettyHandlerTarget implements Target {

    private final Handler handler;
    private final FakeJettyCoreRequest request = new FakeJettyCoreRequest();
    private final FakeJettyCoreResponse response = new FakeJettyCoreResponse(request);
    private final Terminal terminal = new Terminal();
    private final Callback callback = Callback.NOOP;

    /**
     * Wraps the terminal handler in {@code wrapper}, starts it, and prepares the scenario's request.
     *
     * @param wrapper the handler under test, not started
     * @param scenario the scenario
     * @throws Exception when the handler fails to start
     */
    public JettyHandlerTarget(Handler.Wrapper wrapper, Scenario scenario) throws Exception {
        wrapper.setServer(new Server()); // never started: only silences "No Server set" warnings
        wrapper.setHandler(terminal);
        wrapper.start();
        this.handler = wrapper;
        request.setHeaders(scenario.method(), scenario.headerPairs());
    }

    @Override
    public int invoke() throws Exception {
        response.reset();
        terminal.calls = 0;
        handler.handle(request, response, callback);
        return response.getStatus();
    }

    @Override
    public Observed observe() {
        List<String[]> lines = new ArrayList<>();
        for (HttpField field : response.getHeaders()) {
            lines.add(new String[] {field.getName(), field.getValue()});
        }
        return new Observed(response.getStatus(), response.statusSet(), terminal.calls, -1, lines, List.of());
    }

    /** The application: completes the exchange and counts. */
    private static final class Terminal extends Handler.Abstract {
        int calls;

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            calls++;
            callback.succeeded();
            return true;
        }
    }
}
