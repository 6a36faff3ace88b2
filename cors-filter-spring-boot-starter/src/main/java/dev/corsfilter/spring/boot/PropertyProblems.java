package dev.corsfilter.spring.boot;

import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.PolicyProblem;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Attributes the problems the library found in the settings the starter gave it to what the application wrote:
 * the {@code cors.*} property each comes from ({@code cors.policies.api.paths} for the library's
 * {@code api.paths}), or the setting of the file {@code cors.config-file} names; and quotes a duration as it was
 * written ({@code 1500ms}), not as Spring converted it.
 */
final class PropertyProblems {

    private static final String MAX_AGE = "max-age";
    private static final String PATHS = "paths";
    private static final String SHADOW = "shadow-";

    private PropertyProblems() {
    }

    /**
     * The library's problems, each under the property or file setting it comes from.
     *
     * @param failure what the library threw
     * @param properties the properties the settings came from
     * @param environment the application's environment, for values as written
     * @return one problem for each of the library's, its setting naming where it is
     */
    static List<PolicyProblem> of(InvalidCorsPolicyException failure, CorsProperties properties, Environment environment) {
        String file = properties.getConfigFile();
        return failure.problems().stream().map(problem -> file != null && !problem.setting().startsWith("config-file")
                ? new PolicyProblem(problem.setting() + " in " + file.strip() + " (cors.config-file)", problem.value(),
                        problem.rule(), problem.message())
                : new PolicyProblem(property(problem, properties), problem.value(), problem.rule(),
                        asWritten(problem, Binder.get(environment)))).toList();
    }

    /**
     * The property a problem concerns. A pattern listed by two per-path policies, which the library reports under
     * {@code paths}, is under the {@code paths} of both.
     */
    private static String property(PolicyProblem problem, CorsProperties properties) {
        String setting = problem.setting();
        if (setting.equals(PATHS) || setting.equals(SHADOW + PATHS)) {
            boolean shadow = setting.startsWith(SHADOW);
            Map<String, PolicySetProperties.PathPolicyProperties> policies =
                    shadow ? properties.getShadow().getPolicies() : properties.getPolicies();
            List<String> listing = policies.entrySet().stream()
                    .filter(policy -> policy.getValue().getPaths() != null && policy.getValue().getPaths().stream()
                            .anyMatch(path -> path.strip().equals(problem.value())))
                    .map(policy -> CorsProperties.propertyOf((shadow ? SHADOW : "") + policy.getKey() + "." + PATHS))
                    .toList();
            if (!listing.isEmpty()) {
                return String.join(", ", listing);
            }
        }
        return CorsProperties.propertyOf(setting);
    }

    /**
     * A max-age problem quoting the duration as written: the library saw whole seconds, or for a fraction of a
     * second Java's form ({@code PT1.5S}), neither of which the application wrote.
     */
    private static String asWritten(PolicyProblem problem, Binder binder) {
        if (!problem.setting().endsWith(MAX_AGE)) {
            return problem.message();
        }
        String written = binder.bind(CorsProperties.propertyOf(problem.setting()), String.class)
                .map(String::strip).orElse(null);
        if (written == null || written.equals(problem.value())) {
            return problem.message();
        }
        try {
            Duration.parse(problem.value());
            return problem.setting() + " is \"" + written + "\", not a whole number of seconds; browsers keep a"
                    + " pre-flight for whole seconds: write e.g. 600 or 10m";
        } catch (DateTimeParseException wholeSeconds) {
            return problem.message().replace("\"" + problem.value() + "\"",
                    "\"" + written + "\" (" + problem.value() + " seconds)");
        }
    }
}
