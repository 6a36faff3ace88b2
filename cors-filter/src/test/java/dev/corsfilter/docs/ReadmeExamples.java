package dev.corsfilter.docs;

import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

import java.time.Duration;
import java.util.EnumSet;

/** The Java snippets of README.md, verbatim; {@link ConfigurationExamplesTest} runs them. */
final class ReadmeExamples {

    private ReadmeExamples() {
    }

    static Filter filter() {
        // tag::readme-policy[]
        CorsPolicy policy = CorsPolicy.builder()
            .allowedOrigins("https://app.example.com", "https://*.preview.example.com", "http://localhost:*")
            .allowedMethods("GET", "POST", "PUT", "DELETE")
            .allowedHeaders("Content-Type", "Authorization", "X-Request-Id")
            .exposedHeaders("X-Request-Id", "ETag")
            .allowCredentials(true)
            .maxAge(Duration.ofMinutes(10))
            .build();                                   // immutable, thread-safe

        Filter filter = new CorsFilter(policy);         // a jakarta.servlet.Filter
        // end::readme-policy[]
        return filter;
    }

    static ServletContextHandler jetty(CorsPolicy policy) {
        // tag::readme-jetty[]
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new CorsFilter(policy)), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        // end::readme-jetty[]
        return context;
    }

    static CorsEvaluation evaluate(CorsPolicy policy) {
        // tag::readme-evaluate[]
        CorsEvaluation result = policy.evaluate(
                CorsRequest.preflight("https://app.example.com", "PUT", "content-type,x-trace-id"));
        result.decision();   // HEADER_NOT_ALLOWED
        result.reason();     // header "x-trace-id" is not in allowed headers [content-type, authorization, x-request-id]
        result.explain();    // the request, the decision and the headers, in a few lines
        // end::readme-evaluate[]
        return result;
    }
}
