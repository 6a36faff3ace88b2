package dev.corsfilter;

import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.RawHttp;
import jakarta.servlet.FilterConfig;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * {@link CorsFilter#fromSettings(Map)}, the entry of frameworks that resolve settings by name themselves (the
 * Spring Boot starter): the library's names and rules, checked when the filter is created, and no other source.
 */
class CorsFilterFromSettingsTest {

    private static final String APP = "https://app.example.com";

    @Test
    void everyProblemIsReportedWhenTheFilterIsCreated() {
        assertThatThrownBy(() -> CorsFilter.fromSettings(Map.of("allowed-origins", APP + "/", "allowed-method", "PUT")))
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::setting).containsExactlyInAnyOrder("allowed-origins", "allowed-method"));
    }

    @Test
    void perPathPoliciesAndTheirNamesAreTheInitParamsOnes() {
        CorsFilter filter = CorsFilter.fromSettings(Map.of("policies", "api", "api.paths", "/api/*",
                "api.allowed-origins", APP, "api.allow-credentials", "true"));

        assertThat(filter.pathPolicies().policyFor("/api/items")).hasValueSatisfying(policy ->
                assertThat(policy.allowsCredentials()).isTrue());
        assertThat(filter.pathPolicies().policyFor("/other")).isEmpty();
    }

    @Test
    void systemPropertiesAreNotReadTheFrameworkHasAppliedItsOwnPrecedence() {
        System.setProperty("cors.allowed-origins", "https://from-a-system-property.example");
        try {
            assertThat(CorsFilter.fromSettings(Map.of("allowed-origins", APP)).policy().allowedOrigins()).containsExactly(APP);
        } finally {
            System.clearProperty("cors.allowed-origins");
        }
    }

    @Test
    void theContainersInitKeepsThePolicyAndTheFilterServes() {
        try (EmbeddedJetty server = new EmbeddedJetty().filter(CorsFilter.fromSettings(Map.of("allowed-origins", APP)))
                .servlet("/*", AppServlet.of((request, response) -> response.getWriter().print("ok"))).start()) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/", "Origin", APP);

            assertThat(response.body()).isEqualTo("ok");
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
        }
    }

    @Test
    void initParamsAreRefusedRatherThanIgnored() {
        CorsFilter filter = CorsFilter.fromSettings(Map.of("allowed-origins", APP));
        FilterConfig config = mock(FilterConfig.class);
        when(config.getFilterName()).thenReturn("cors");
        when(config.getInitParameterNames()).thenReturn(Collections.enumeration(List.of("allowed-origins")));
        when(config.getInitParameter("allowed-origins")).thenReturn("https://other.example");

        assertThatThrownBy(() -> filter.init(config)).isInstanceOf(InvalidCorsPolicyException.class)
                .hasMessageContaining("init-param \"allowed-origins\" would be ignored");
        assertThat(filter.policy().allowedOrigins()).containsExactly(APP);
    }
}
