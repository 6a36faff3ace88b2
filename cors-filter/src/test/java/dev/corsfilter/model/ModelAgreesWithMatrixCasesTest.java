package dev.corsfilter.model;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.BrowserCases;
import dev.corsfilter.browser.Closing;
import dev.corsfilter.browser.Expected;
import dev.corsfilter.browser.MatrixServers;
import dev.corsfilter.browser.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser conformance matrix without a browser: every {@link BrowserCases#all() case} runs through the
 * {@link ModelBrowser} of each engine ({@link EngineProfile}) over loopback HTTP against the matrix's own
 * servers (the pages' origins, the API with one {@code CorsFilter} per policy, the {@code RequestLog}), and
 * what the model and the server saw must match the case's expected outcome, checked by the matrix's own
 * {@code Expected.mismatches}.
 *
 * <p>So the same expectations are held against independent browsers: Chromium, Firefox and WebKit in the
 * matrix tests (which also compare each engine with its model case by case), the model here, which runs
 * even where no browser is installed. A case failing only here points at the model or at the expectation;
 * failing in both, at the filter. Like the matrix, it also has a control run without the filter.
 */
class ModelAgreesWithMatrixCasesTest {

    /** The cases against the matrix servers with their CORS filters: each must end as expected. */
    @Nested
    class WithTheFilter extends MatrixRun {
        WithTheFilter() {
            super(true);
        }

        @Override
        Expected expected(BrowserCase browserCase) {
            return browserCase.expected();
        }
    }

    /**
     * The control run: the same servers without any CORS filter, where every CORS-mode case must fail, so
     * that the run above proves something about the filter and not just about the model.
     */
    @Nested
    class ControlRunWithoutTheFilter extends MatrixRun {
        ControlRunWithoutTheFilter() {
            super(false);
        }

        @Override
        Expected expected(BrowserCase browserCase) {
            return browserCase.expectedWithoutFilter();
        }
    }

    /** One run of every case through each engine's model browser against one set of matrix servers. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class MatrixRun {

        private final boolean withFilter;
        private final Map<EngineProfile, ModelProbe> probes = new HashMap<>();
        private MatrixServers servers;

        MatrixRun(boolean withFilter) {
            this.withFilter = withFilter;
        }

        abstract Expected expected(BrowserCase browserCase);

        @BeforeAll
        void start() {
            servers = BrowserCases.startMatrixServers(withFilter);
        }

        @AfterAll
        void stop() {
            Closing.all(servers);
        }

        Stream<Arguments> cases() {
            List<BrowserCase> cases = BrowserCases.all();
            return EngineProfile.all().stream().flatMap(engine -> cases.stream().map(c -> Arguments.of(engine, c)));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("cases")
        void theModelSeesWhatFetchRequires(EngineProfile engine, BrowserCase browserCase) {
            ModelProbe probe = probes.computeIfAbsent(engine, profile -> new ModelProbe(profile, servers));

            Observation seen = probe.run(browserCase);

            Expected expected = expected(browserCase);
            assertThat(expected.mismatches(seen)).as(engine + " model, " + browserCase.id() + ": "
                    + browserCase.request()
                    + "\n  rule:     " + expected.citation()
                    + "\n  expected: " + expected.describe()
                    + "\n  model:    " + seen.describe()
                    + "\n  last:     " + probe.lastOutcome()).isEmpty();
        }
    }
}
