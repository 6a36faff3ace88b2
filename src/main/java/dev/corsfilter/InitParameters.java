package dev.corsfilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link CorsPolicy} from filter init-params ({@code web.xml}, {@code @WebFilter}), one param per
 * builder setting. Unknown names are errors, not silently ignored: a misspelt {@code allowed-origin} would
 * otherwise leave a filter that allows nothing, with no clue why.
 */
final class InitParameters {

    static final String ALLOWED_ORIGINS = "allowed-origins";
    static final String ALLOWED_METHODS = "allowed-methods";
    static final String ALLOWED_HEADERS = "allowed-headers";
    static final String EXPOSED_HEADERS = "exposed-headers";
    static final String ALLOW_CREDENTIALS = "allow-credentials";
    static final String MAX_AGE = "max-age";
    static final String PREFLIGHT_STATUS = "preflight-status";

    /** Every name this filter reads, in the order the documentation lists them. */
    static final Set<String> NAMES = Set.of(ALLOWED_ORIGINS, ALLOWED_METHODS, ALLOWED_HEADERS, EXPOSED_HEADERS,
            ALLOW_CREDENTIALS, MAX_AGE, PREFLIGHT_STATUS);

    private InitParameters() {
    }

    /**
     * Builds the policy the params describe.
     *
     * @param params param names to values
     * @return the policy
     * @throws InvalidCorsPolicyException listing every problem, those of the params and of the policy
     */
    static CorsPolicy toPolicy(Map<String, String> params) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (String name : new TreeSet<>(params.keySet())) {
            if (!NAMES.contains(name)) {
                problems.add(new PolicyProblem(name, params.get(name), PolicyRule.INIT_PARAM_UNKNOWN,
                        "unknown init-param \"" + name + "\"; the known ones are " + new TreeSet<>(NAMES)));
            }
        }
        CorsPolicy.Builder builder = CorsPolicy.builder()
                .allowedOrigins(list(params.get(ALLOWED_ORIGINS)))
                .allowedMethods(list(params.get(ALLOWED_METHODS)))
                .allowedHeaders(list(params.get(ALLOWED_HEADERS)))
                .exposedHeaders(list(params.get(EXPOSED_HEADERS)));
        String credentials = params.get(ALLOW_CREDENTIALS);
        if (credentials != null) {
            switch (credentials.strip()) {
                case "true" -> builder.allowCredentials(true);
                case "false" -> builder.allowCredentials(false);
                default -> problems.add(new PolicyProblem(ALLOW_CREDENTIALS, credentials, PolicyRule.INIT_PARAM_INVALID,
                        ALLOW_CREDENTIALS + " is \"" + credentials + "\"; write true or false"));
            }
        }
        Long maxAge = integer(params, MAX_AGE, problems);
        if (maxAge != null) {
            builder.maxAge(Duration.ofSeconds(maxAge));
        }
        Long status = integer(params, PREFLIGHT_STATUS, problems);
        if (status != null) {
            builder.preflightStatus((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, status)));
        }
        try {
            CorsPolicy policy = builder.build();
            if (problems.isEmpty()) {
                return policy;
            }
        } catch (InvalidCorsPolicyException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidCorsPolicyException(problems);
    }

    /** Splits a comma-separated param; white space around elements and empty elements are ignored. */
    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(element -> !element.isEmpty()).toList();
    }

    private static Long integer(Map<String, String> params, String name, List<PolicyProblem> problems) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new PolicyProblem(name, value, PolicyRule.INIT_PARAM_INVALID,
                    name + " is \"" + value + "\"; write a whole number"));
            return null;
        }
    }
}
