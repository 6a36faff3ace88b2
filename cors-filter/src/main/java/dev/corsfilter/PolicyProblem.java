package dev.corsfilter;

import java.util.Objects;

/**
 * One thing wrong with a CORS policy: the setting it concerns, the offending value as given, the rule it
 * breaks and a message for people, with a hint where one can be given.
 *
 * @param setting the builder method or init-param the value came from, e.g. {@code allowedOrigins}
 * @param value the offending value exactly as configured; may be empty, never null
 * @param rule the rule the value breaks
 * @param message a sentence that explains the problem and, where possible, what was meant
 */
public record PolicyProblem(String setting, String value, PolicyRule rule, String message) {

    /**
     * Checks that no component is null.
     *
     * @param setting the setting
     * @param value the value
     * @param rule the rule
     * @param message the message
     */
    public PolicyProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return setting + ": " + message;
    }
}
