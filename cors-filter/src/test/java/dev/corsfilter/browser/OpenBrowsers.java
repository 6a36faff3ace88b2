package dev.corsfilter.browser;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The browsers of one test class, one per engine, each started when a test first asks for it and all
 * closed together after the class: starting a browser costs more than the cases it runs.
 *
 * <p>An engine that failed to start is not started again for every further test: they fail at once with
 * the same cause.
 */
public final class OpenBrowsers implements AutoCloseable {

    private final Map<Engine, Browser> open = new EnumMap<>(Engine.class);
    private final Map<Engine, RuntimeException> failed = new EnumMap<>(Engine.class);
    private final Map<ProbeKey, BrowserProbe> probes = new HashMap<>();

    private record ProbeKey(Engine engine, ProbeTarget target) {
    }

    /**
     * The engines every browser test runs in, in the order they run.
     *
     * @return Chromium, Firefox, WebKit
     */
    public static List<Engine> engines() {
        return List.of(Engine.values());
    }

    /**
     * This class's browser of an engine, started on first use; skips the test when the engine is missing.
     *
     * @param engine the engine
     * @return the running browser
     */
    public synchronized Browser get(Engine engine) {
        engine.requireInstalled();
        Browser browser = open.get(engine);
        if (browser != null) {
            return browser;
        }
        RuntimeException failure = failed.get(engine);
        if (failure != null) {
            throw new IllegalStateException(engine.displayName() + " could not start earlier in this class", failure);
        }
        try {
            browser = engine.start();
        } catch (RuntimeException e) {
            failed.put(engine, e);
            throw e;
        }
        open.put(engine, browser);
        return browser;
    }

    /**
     * A probe running cases in this class's browser of an engine against a target, one per engine and
     * target, so that each sets its session cookie once. Probes sharing a browser must run their cases
     * one target after the other, not interleaved: each remembers which page it left open.
     *
     * @param engine the engine
     * @param target where the cases run
     * @return the probe
     */
    public synchronized BrowserProbe probe(Engine engine, ProbeTarget target) {
        Browser browser = get(engine);
        return probes.computeIfAbsent(new ProbeKey(engine, target), key -> new BrowserProbe(browser, target));
    }

    /**
     * Every engine with every item, engine by engine, as the arguments of a parameterized test whose
     * first parameter is the {@link Engine}: one browser per engine then serves its cases in a row.
     *
     * @param items e.g. the matrix cases
     * @return {@code (engine, item)} pairs
     */
    public static Stream<Arguments> everyEngineWith(
            List<?> items) {
        return engines().stream().flatMap(engine -> items.stream()
                .map(item -> Arguments.of(engine, item)));
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> browsers = new ArrayList<>(open.values());
        open.clear();
        probes.clear();
        Closing.all(browsers.toArray(AutoCloseable[]::new));
    }
}
