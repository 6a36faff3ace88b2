package dev.corsfilter.model;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.Observation;
import dev.corsfilter.browser.Outcome;
import dev.corsfilter.browser.ProbeTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the browser matrix's {@link BrowserCase}s through a {@link ModelBrowser} of one engine over loopback
 * HTTP, against the same servers a real browser uses, and reports what the model saw in the matrix's own
 * terms ({@link Observation}), so that it can be held against the case's expectation and against what the
 * engine itself saw. Like a browser profile it keeps its cookies and pre-flight cache across cases.
 */
public final class ModelProbe {

    private final EngineProfile engine;
    private final ProbeTarget target;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClientTransport transport = new HttpClientTransport();
    private final ModelBrowser browser;
    private ModelOutcome last;

    /**
     * Prepares a model browser of an engine with the session cookie the credentialed cases need.
     *
     * @param engine the engine the model stands for
     * @param target the servers
     */
    public ModelProbe(EngineProfile engine, ProbeTarget target) {
        this.engine = engine;
        this.target = target;
        // A clock that stands still: a case's repeated calls come "immediately" after each other.
        this.browser = new ModelBrowser(new MutableClock(), engine);
        // The browsers open the cookie page as a top-level page; the model simply keeps what it sets.
        URI cookieUrl = URI.create(target.cookieUrl());
        try {
            WireResponse page = transport.send(new WireRequest("GET", cookieUrl, HeaderList.empty(), null, false));
            page.headers().values("Set-Cookie").forEach(value -> browser.cookies().store(cookieUrl, value));
        } catch (IOException e) {
            throw new UncheckedIOException("could not get the session cookie from " + cookieUrl, e);
        }
        if (browser.cookies().cookieHeader(cookieUrl) == null) {
            throw new IllegalStateException("no session cookie from " + cookieUrl);
        }
    }

    /**
     * Runs one case as its page's script would, repeating the call as the case says.
     *
     * @param browserCase the case
     * @return what script would see of the last call, and what the server received
     */
    public Observation run(BrowserCase browserCase) {
        String key = runId + ".model-" + engine.name() + "." + browserCase.policy() + "." + browserCase.name();
        BrowserCase.Request request = browserCase.request();
        URI url = URI.create(target.caseUrl(browserCase, key));
        String pageOrigin = target.pageOrigin(browserCase.page());
        List<ModelOutcome> attempts = new ArrayList<>();
        for (int i = 0; i < Math.max(1, request.repeat()); i++) {
            attempts.add(browser.fetch(url, pageOrigin, toModelRequest(request), transport));
        }
        last = attempts.get(attempts.size() - 1);
        return observation(attempts, key);
    }

    /**
     * Runs a case that a real browser of this engine has just run, and fails the test unless the model saw
     * exactly what the browser saw ({@link Observation#differences}).
     *
     * @param browserCase the case
     * @param seen what the browser saw
     */
    public void assertSameAs(BrowserCase browserCase, Observation seen) {
        Observation modelled = run(browserCase);
        assertThat(seen.differences(modelled)).as(browserCase.id() + ": " + engine.name() + " (here) and its model"
                + " (there) disagree\n  engine: " + seen.describe() + "\n  model:  " + modelled.describe()
                + "\n  model's last call: " + lastOutcome()).isEmpty();
    }

    /**
     * How the model's last call ended, with the rule that failed, for failure messages.
     *
     * @return e.g. {@code network error: ...}
     */
    public String lastOutcome() {
        return last == null ? "(nothing run)" : last.describe();
    }

    private static ModelRequest toModelRequest(BrowserCase.Request request) {
        ModelRequest model = ModelRequest.of(request.method())
                .credentials(ModelRequest.Credentials.of(request.credentials()))
                .mode(ModelRequest.Mode.of(request.mode()));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            model = model.header(header.getKey(), header.getValue());
        }
        return request.body() == null ? model : model.body(request.body());
    }

    /** What script saw in the model's last attempt, joined with what the server logged for the case. */
    private static Observation observation(List<ModelOutcome> attempts, String key) {
        ModelOutcome last = attempts.get(attempts.size() - 1);
        Outcome outcome = switch (last.kind()) {
            case RESPONSE -> Outcome.RESPONSE;
            case OPAQUE -> Outcome.OPAQUE;
            case NETWORK_ERROR -> Outcome.NETWORK_ERROR;
        };
        return Observation.of(outcome, last.status(), last.redirected(), List.copyOf(last.readableHeaders()),
                last.kind() == ModelOutcome.Kind.RESPONSE ? last.body() : null,
                last.networkError() ? "TypeError: " + last.failedRule() + " (" + last.failedRule().citation() + ")" : null,
                attempts.stream().map(attempt -> attempt.kind().name().toLowerCase(Locale.ROOT)
                        + (attempt.networkError() ? "" : " " + attempt.status())).toList(),
                key);
    }
}
