package dev.corsfilter.spring.boot;

import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.PolicyProblem;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.stream.Collectors;

/**
 * Turns an invalid CORS configuration at startup into Spring Boot's "APPLICATION FAILED TO START" report: the
 * library's problems, each under the property it comes from, instead of a stack trace.
 */
public class InvalidCorsPolicyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCorsPolicyException> {

    /** Creates the analyzer; Spring Boot does, from META-INF/spring.factories. */
    public InvalidCorsPolicyFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCorsPolicyException cause) {
        int count = cause.problems().size();
        String description = "The CORS configuration is invalid (" + count + (count == 1 ? " problem" : " problems")
                + "):\n" + cause.problems().stream().map(InvalidCorsPolicyFailureAnalyzer::describe)
                .collect(Collectors.joining("\n"));
        String action = "Correct the properties above (in application.properties or .yml, a profile, the environment"
                + " or the command line), or the CorsPolicy bean or config file they come from. Every cors.* setting"
                + " and its rules are in the cors-filter configuration reference.";
        return new FailureAnalysis(description, action, cause);
    }

    private static String describe(PolicyProblem problem) {
        return "  - " + CorsProperties.propertyOf(problem.setting()) + ": " + problem.message();
    }
}
