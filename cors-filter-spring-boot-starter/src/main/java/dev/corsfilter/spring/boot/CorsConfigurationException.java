package dev.corsfilter.spring.boot;

import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.PolicyProblem;

import java.util.Arrays;
import java.util.List;

/**
 * The starter cannot register the filter the application describes: its {@code cors.*} properties (or the
 * config file they name) are invalid, or the application's beans leave the policy to enforce undecided. Shown as
 * Spring Boot's failure report by {@link InvalidCorsPolicyFailureAnalyzer}: the message is the description.
 */
public final class CorsConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the application should do about it: the report's Action. */
    private final String action;

    private CorsConfigurationException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /**
     * What the application should do about it, for the report's Action.
     *
     * @return one or two sentences
     */
    public String action() {
        return action;
    }

    /**
     * The {@code cors.*} properties, or the file named by {@code cors.config-file}, are invalid.
     *
     * @param problems each problem with {@link PolicyProblem#setting()} naming where it is: a property, or a
     *     setting in the file
     * @param configFile the file's location, when {@code cors.config-file} is set; else null
     * @return the exception, its description listing every problem, one line each
     */
    static CorsConfigurationException invalidProperties(List<PolicyProblem> problems, String configFile) {
        InvalidCorsPolicyException listed = new InvalidCorsPolicyException(problems);
        String action = "Correct the properties above (in application.properties or .yml, a profile, the environment"
                + " or the command line)" + (configFile == null ? "" : ", or the settings of " + configFile)
                + ". Every cors.* setting and its rules are in the cors-filter configuration reference.";
        return new CorsConfigurationException("The CORS configuration is invalid" + problemList(listed), action, listed);
    }

    /**
     * The application has more than one bean of a type the starter enforces, and none is {@code @Primary}.
     *
     * @param type {@code CorsPolicy} or {@code PathPolicies}
     * @param names the beans' names
     * @return the exception
     */
    static CorsConfigurationException severalPolicyBeans(Class<?> type, String[] names) {
        return new CorsConfigurationException("The application has " + names.length + " " + type.getSimpleName()
                + " beans (" + quoted(names) + "), and the cors-filter starter enforces one; which is undecided.",
                "Mark the one the filter enforces @Primary, or register the filters yourself with a"
                        + " FilterRegistrationBean of dev.corsfilter.CorsFilter (which turns the starter off).", null);
    }

    /**
     * The application has both a {@code CorsPolicy} and a {@code PathPolicies} bean.
     *
     * @param policies the {@code CorsPolicy} beans' names
     * @param paths the {@code PathPolicies} beans' names
     * @return the exception
     */
    static CorsConfigurationException policyAndPathPolicyBeans(String[] policies, String[] paths) {
        return new CorsConfigurationException("The application has a CorsPolicy bean (" + quoted(policies)
                + ") and a PathPolicies bean (" + quoted(paths) + "), and the cors-filter starter enforces one;"
                + " which is undecided.", "Keep one of them for the filter (a PathPolicies can give some paths the"
                + " CorsPolicy), or register the filter yourself with a FilterRegistrationBean of"
                + " dev.corsfilter.CorsFilter (which turns the starter off).", null);
    }

    /**
     * The count and the lines of the library's message, its control characters escaped: " (2 problems):" and
     * "\n  - setting: message" for each.
     */
    static String problemList(InvalidCorsPolicyException problems) {
        String message = problems.getMessage();
        return message.substring(message.indexOf(" ("));
    }

    private static String quoted(String[] names) {
        return String.join(", ", Arrays.stream(names).map(name -> "'" + name + "'").toList());
    }
}
