package dev.corsfilter.operations;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.OriginResolver;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.ShadowDisagreement;
import dev.corsfilter.testing.RecordingListener;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Found by the review of issue 15: the shadow configured by name. */
class ShadowConfigurationReviewTest {

    static final String APP = "https://app.example.com";
    static final String LEGACY = "https://legacy.example.com";

    @TempDir
    Path directory;

    CorsFilter filter;

    @AfterEach
    void stop() {
        if (filter != null) {
            filter.destroy();
        }
    }

    static FilterConfig config(Map<String, String> params) {
        Map<String, String> ordered = new LinkedHashMap<>(params);
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "cors";
            }

            @Override
            public ServletContext getServletContext() {
                return null;
            }

            @Override
            public String getInitParameter(String name) {
                return ordered.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(ordered.keySet());
            }
        };
    }

    /**
     * A misspelt shadow setting: the hint suggests the ENFORCED setting's name. An operator who follows it moves
     * the candidate's origins into the enforced policy, which is exactly what shadow mode exists to avoid.
     */
    @Test
    void theDidYouMeanOfAMisspeltShadowSettingNamesTheShadowSetting() {
        CorsFilter filter = new CorsFilter();
        InvalidCorsPolicyException e = catchThrowableOfType(InvalidCorsPolicyException.class,
                () -> filter.init(config(Map.of("allowed-origins", APP, "shadow-allowed-orgins", APP))));
        assertThat(e).isNotNull();
        PolicyProblem problem = e.problems().get(0);
        assertThat(problem.setting()).isEqualTo("shadow-allowed-orgins");
        assertThat(problem.message()).contains("did you mean \"shadow-allowed-origins\"?");
    }

    /**
     * A per-path policy named "shadow-…" (any name was valid before issue 15) is now taken for shadow settings:
     * the filter no longer starts.
     */
    @Test
    void aPerPathPolicyNamedShadowSomethingStillStarts() throws ServletException {
        filter = new CorsFilter();
        filter.init(config(Map.of("policies", "shadow-api", "shadow-api.paths", "/api/*",
                "shadow-api.allowed-origins", APP)));
        assertThat(filter.pathPolicies()).isNotNull();
    }

    /** Blocks the first request that asks about LEGACY until the test lets it go. */
    public static final class GateResolver implements OriginResolver {
        static final AtomicBoolean USED = new AtomicBoolean();
        static final CountDownLatch ENTERED = new CountDownLatch(1);
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Override
        public boolean allows(String origin) throws Exception {
            if (origin.equals(LEGACY) && USED.compareAndSet(false, true)) {
                ENTERED.countDown();
                RELEASE.await(10, TimeUnit.SECONDS);
            }
            return origin.equals(LEGACY);
        }
    }

    /**
     * operations.md: "an edit that adds, changes or removes shadow-… settings starts, changes or stops the
     * shadow, atomically with the enforced policy". Before the edit the candidate equals the enforced policy,
     * after it too; a request running across the reload is decided by the old enforced policy and compared
     * with the new shadow, and reported as a disagreement that neither configuration has.
     */
    @Test
    void aReloadIsAtomicForTheRequestsItCrosses() throws Exception {
        Path file = directory.resolve("cors.properties");
        String gate = GateResolver.class.getName();
        Files.writeString(file, "allowed-origins=" + APP + "\norigin-resolver=" + gate + "\n"
                + "shadow-allowed-origins=" + APP + "\nshadow-origin-resolver=" + gate + "\n");
        filter = new CorsFilter();
        filter.init(config(Map.of("config-file", file.toString(), "config-file-watch-seconds", "3600")));
        RecordingListener listener = new RecordingListener();
        filter.addDecisionListener(listener);
        List<ShadowDisagreement> seen = listener.disagreements;
        Filter registered = (request, response, chain) -> filter.doFilter(request, response, chain);
        try (RunningServer server = ServletEngine.JETTY.start(new WebApp().context("", context -> context
                .filter("cors", registered, EnumSet.of(DispatcherType.REQUEST))
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("ok")))))) {
            CompletableFuture<RawHttp.Response> legacy = CompletableFuture.supplyAsync(
                    () -> RawHttp.send(server.port(), "GET", "/items", "Origin", LEGACY));
            assertThat(GateResolver.ENTERED.await(10, TimeUnit.SECONDS)).isTrue();
            // The edit: both policies drop LEGACY, so again they agree.
            Files.writeString(file, "allowed-origins=" + APP + "\nshadow-allowed-origins=" + APP + "\n");
            checkTwice(filter);
            GateResolver.RELEASE.countDown();
            assertThat(legacy.get(10, TimeUnit.SECONDS).values("Access-Control-Allow-Origin")).containsExactly(LEGACY);
        }
        assertThat(seen).as("disagreements between two policies that never ran together").isEmpty();
    }

    static void checkTwice(CorsFilter filter) throws Exception {
        Field field = CorsFilter.class.getDeclaredField("watcher");
        field.setAccessible(true);
        Object watcher = field.get(filter);
        Method check = watcher.getClass().getDeclaredMethod("check");
        check.setAccessible(true);
        check.invoke(watcher);
        check.invoke(watcher);
    }
}
