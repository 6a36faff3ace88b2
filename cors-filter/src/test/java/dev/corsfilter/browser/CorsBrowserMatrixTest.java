package dev.corsfilter.browser;

import dev.corsfilter.model.ModelProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The browser conformance matrix: every {@link BrowserCases#all() case} runs as a real {@code fetch()} in
 * each engine (headless Chromium, Firefox and WebKit), from a page on {@code http://127.0.0.1:<A>} (or the
 * disallowed {@code <C>}) to the API on {@code http://localhost:<B>} protected by {@code CorsFilter}, and
 * must end as the Fetch standard says: one set of expectations for every engine.
 *
 * <p>Each case then runs through the executable Fetch model of the same engine ({@link ModelProbe} with the
 * engine's {@link Engine#profile() profile}) against the same servers, and the model must see exactly what
 * the engine saw: the same outcome, status, readable headers and body, and the same requests on the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsBrowserMatrixTest {

    private final OpenBrowsers browsers = new OpenBrowsers();
    private final Map<Engine, ModelProbe> models = new EnumMap<>(Engine.class);
    private MatrixServers servers;

    @BeforeAll
    void start() {
        servers = BrowserCases.startMatrixServers(true);
    }

    @AfterAll
    void stop() {
        Closing.all(browsers, servers);
    }

    static Stream<Arguments> cases() {
        return OpenBrowsers.everyEngineWith(BrowserCases.all());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void browserSeesWhatFetchRequires(Engine engine, BrowserCase browserCase) {
        Observation seen = browsers.probe(engine, servers).check("matrix", browserCase, browserCase.expected());
        models.computeIfAbsent(engine, e -> new ModelProbe(e.profile(), servers)).assertSameAs(browserCase, seen);
    }
}
