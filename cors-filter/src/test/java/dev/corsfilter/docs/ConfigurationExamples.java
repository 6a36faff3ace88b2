package dev.corsfilter.docs;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The Java examples of docs/configuration.md; {@link ConfigurationExamplesTest} runs each one. */
final class ConfigurationExamples {

    private ConfigurationExamples() {
    }

    static CorsFilter pathPolicies() {
        // tag::path-policies[]
        CorsPolicy publicData = CorsPolicy.builder()
                .allowAnyOrigin()
                .maxAge(Duration.ofHours(2))
                .build();
        CorsPolicy api = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT", "PATCH", "DELETE")
                .allowedHeaders("Content-Type", "Authorization")
                .allowCredentials(true)
                .build();

        PathPolicies policies = PathPolicies.builder()
                .add("/public/*", publicData)
                .add("*.json", publicData)
                .add("/api/*", api)
                .build();
        CorsFilter filter = new CorsFilter(policies);
        // end::path-policies[]
        return filter;
    }

    static CorsPolicy cachedResolver(TenantDirectory tenants) {
        // tag::resolver-cached[]
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .originResolver(tenants::hasOrigin, Duration.ofMinutes(1), 10_000)
                .allowCredentials(true)
                .build();
        // end::resolver-cached[]
        return policy;
    }

    /** Stands for the application's tenant store: one query per call. */
    interface TenantDirectory {
        boolean hasOrigin(String origin) throws Exception;
    }

    static CorsPolicy inMemoryResolver(TenantOrigins tenantOrigins) {
        // tag::resolver-in-memory[]
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .originResolver(tenantOrigins)
                .allowCredentials(true)
                .build();
        // end::resolver-in-memory[]
        return policy;
    }

    static void reconfigure(CorsFilter filter, List<String> origins) {
        // tag::reconfigure[]
        CorsPolicy updated = CorsPolicy.builder()
                .allowedOrigins(origins)             // e.g. read again from your settings store
                .allowCredentials(true)
                .build();                            // throws InvalidCorsPolicyException: the filter keeps its policy
        filter.reconfigure(updated);                 // requests that already started finish with the old one
        // end::reconfigure[]
    }

    static List<String> handleProblems(List<String> origins) {
        List<String> seen = new java.util.ArrayList<>();
        // tag::problems[]
        try {
            CorsPolicy.builder().allowedOrigins(origins).allowCredentials(true).build();
        } catch (InvalidCorsPolicyException e) {
            for (PolicyProblem problem : e.problems()) {
                if (problem.rule() == PolicyRule.INSECURE_ORIGIN_WITH_CREDENTIALS) {
                    seen.add("use https for " + problem.value());     // e.g. tell the tenant's admin
                }
            }
        }
        // end::problems[]
        return seen;
    }

    static CorsEvaluation evaluate() {
        // tag::evaluate[]
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT")
                .allowedHeaders("Content-Type")
                .build();

        CorsEvaluation result = policy.evaluate(
                CorsRequest.preflight("https://app.example.com", "PUT", "content-type,x-trace-id"));
        System.out.println(result.explain());
        // end::evaluate[]
        return result;
    }

    static CorsPolicy debugMode(String environment) {
        // tag::debug-mode[]
        boolean development = "dev".equals(environment);     // e.g. System.getenv("APP_ENV")
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com", "http://localhost:*")
                .allowedMethods("PUT")
                .allowedHeaders("Content-Type")
                .debugMode(development)
                .build();
        // end::debug-mode[]
        return policy;
    }

    static CorsPolicy features() {
        // tag::features[]
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowCredentials(true)
                .requestAttributes(true)        // tell the application what the filter decided
                .timingAllowOrigin(true)        // let the page read detailed Resource Timing
                .webSocketOriginCheck(true)     // refuse WebSocket handshakes from other origins
                .build();
        // end::features[]
        return policy;
    }

    // tag::request-attributes[]
    public static class AuditedServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean cors = Boolean.TRUE.equals(request.getAttribute(CorsFilter.IS_CORS_ATTRIBUTE));
            Object decision = request.getAttribute(CorsFilter.DECISION_ATTRIBUTE);
            if (cors && decision != CorsDecision.ACTUAL_ALLOWED) {
                // The page cannot read this response, but the request still arrived, with cookies:
                // CORS does not stop it. Refuse state changes from origins the policy does not allow.
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            response.getWriter().write("saved for " + request.getAttribute(CorsFilter.ORIGIN_ATTRIBUTE));
        }
    }
    // end::request-attributes[]

    /** For {@link #cachedResolver}: a directory with fixed content. */
    static TenantDirectory directory(Set<String> origins) {
        return origins::contains;
    }
}
