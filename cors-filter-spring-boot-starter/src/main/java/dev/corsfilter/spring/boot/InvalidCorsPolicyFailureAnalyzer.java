package dev.corsfilter.spring.boot;

import dev.corsfilter.InvalidCorsPolicyException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a CORS configuration that cannot work into Spring Boot's "APPLICATION FAILED TO START" report instead of a
 * stack trace, each problem attributed to what the application wrote: the {@code cors.*} properties or the config
 * file they name (a {@link CorsConfigurationException} of the starter's), or a policy built in code, such as a
 * {@code CorsPolicy} bean (an {@link InvalidCorsPolicyException} from the application's own code).
 */
public class InvalidCorsPolicyFailureAnalyzer implements FailureAnalyzer {

    /** Creates the analyzer; Spring Boot does, from META-INF/spring.factories. */
    public InvalidCorsPolicyFailureAnalyzer() {
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BeanCreationException bean = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CorsConfigurationException starter) {
                return new FailureAnalysis(starter.getMessage(), starter.action(), starter);
            }
            if (cause instanceof InvalidCorsPolicyException inCode) {
                return inCode(inCode, bean);
            }
            if (cause instanceof BeanCreationException creation && creation.getBeanName() != null) {
                bean = creation;
            }
        }
        return null;
    }

    /** A policy built by the application's code: its problems name builder methods, not properties. */
    private static FailureAnalysis inCode(InvalidCorsPolicyException failure, BeanCreationException bean) {
        String where = bean == null ? "" : " by bean '" + bean.getBeanName() + "'"
                + (bean.getResourceDescription() == null ? "" : " (defined in " + bean.getResourceDescription() + ")");
        String problems = CorsConfigurationException.problemList(failure);
        int count = problems.indexOf("):") + 1;
        String description = "The CORS configuration is invalid" + problems.substring(0, count)
                + ", in the policy built in code" + where + problems.substring(count);
        String action = "Correct the code that builds it" + (bean == null ? "" : ", the bean '" + bean.getBeanName() + "'")
                + ": each problem names the builder method (or filter setting) it concerns. The rules are in the"
                + " cors-filter configuration reference.";
        return new FailureAnalysis(description, action, failure);
    }
}
