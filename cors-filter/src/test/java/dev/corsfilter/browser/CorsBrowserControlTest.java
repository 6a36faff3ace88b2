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
 * The control run of the matrix: the same cases in the same engines against the same API without any
 * CORS filter. Every CORS-mode case must now fail in every browser, the ones the filter makes pass
 * included; only the {@code no-cors} case, which needs no CORS, still ends the same way. If this run
 * passed cases, the matrix would prove nothing about the filter. Here too each engine's model must see
 * exactly what the engine saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsBrowserControlTest {

    private final OpenBrowsers browsers = new OpenBrowsers();
    private final Map<Engine, ModelProbe> models = new EnumMap<>(Engine.class);
    private MatrixServers servers;

    @BeforeAll
    void start() {
        servers = BrowserCases.startMatrixServers(false);
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
    void withoutTheFilterEveryCorsRequestFails(Engine engine, BrowserCase browserCase) {
        Observation seen = browsers.probe(engine, servers).check("control", browserCase,
                browserCase.expectedWithoutFilter());

        models.computeIfAbsent(engine, e -> new ModelProbe(e.profile(), servers)).assertSameAs(browserCase, seen);
    }
}
