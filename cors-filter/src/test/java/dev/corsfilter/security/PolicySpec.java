package dev.corsfilter.security;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.FakeFilterConfig;
import jakarta.servlet.ServletException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One policy configuration, written once and applied two ways: to {@link CorsPolicy.Builder}, and as the
 * {@code web.xml} init-params that {@link CorsFilter#init} reads, so every insecure policy is proven to be
 * refused on both paths.
 */
final class PolicySpec {

    private List<String> origins = List.of();
    private List<String> methods = List.of();
    private List<String> headers = List.of();
    private List<String> exposed = List.of();
    private boolean credentials;
    private boolean anyOriginCall;
    private boolean nullOrigin;
    private boolean insecureOptIn;
    private boolean publicSuffixOptIn;
    private Duration maxAge;

    static PolicySpec origins(String... origins) {
        PolicySpec spec = new PolicySpec();
        spec.origins = List.of(origins);
        return spec;
    }

    static PolicySpec allowAnyOrigin() {
        PolicySpec spec = new PolicySpec();
        spec.anyOriginCall = true;
        return spec;
    }

    PolicySpec plusAllowAnyOrigin() {
        anyOriginCall = true;
        return this;
    }

    PolicySpec credentials() {
        credentials = true;
        return this;
    }

    PolicySpec allowNullOrigin() {
        nullOrigin = true;
        return this;
    }

    PolicySpec dangerouslyAllowInsecureOrigins() {
        insecureOptIn = true;
        return this;
    }

    PolicySpec dangerouslyAllowPublicSuffixWildcards() {
        publicSuffixOptIn = true;
        return this;
    }

    PolicySpec methods(String... values) {
        methods = List.of(values);
        return this;
    }

    PolicySpec headers(String... values) {
        headers = List.of(values);
        return this;
    }

    PolicySpec exposed(String... values) {
        exposed = List.of(values);
        return this;
    }

    PolicySpec maxAge(Duration value) {
        maxAge = value;
        return this;
    }

    /** The builder this configuration describes; {@code build()} is left to the caller. */
    CorsPolicy.Builder builder() {
        CorsPolicy.Builder builder = CorsPolicy.builder().allowedOrigins(origins).allowedMethods(methods)
                .allowedHeaders(headers).exposedHeaders(exposed).allowCredentials(credentials);
        if (anyOriginCall) {
            builder.allowAnyOrigin();
        }
        if (nullOrigin) {
            builder.allowNullOrigin();
        }
        if (insecureOptIn) {
            builder.dangerouslyAllowInsecureOriginsWithCredentials();
        }
        if (publicSuffixOptIn) {
            builder.dangerouslyAllowPublicSuffixWildcardsWithCredentials();
        }
        if (maxAge != null) {
            builder.maxAge(maxAge);
        }
        return builder;
    }

    /**
     * The same configuration as init-params, when init-params can say it: not for {@code allowAnyOrigin()}
     * (its init-param form is {@code allowed-origins=*}, listed separately), nor for values that the
     * comma-separated form would split or trim, nor for fractions of a second.
     */
    Optional<Map<String, String>> initParams() {
        if (anyOriginCall || !listable(origins) || !listable(methods) || !listable(headers) || !listable(exposed)
                || (maxAge != null && maxAge.getNano() != 0)) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "allowed-origins", origins);
        put(params, "allowed-methods", methods);
        put(params, "allowed-headers", headers);
        put(params, "exposed-headers", exposed);
        if (credentials) {
            params.put("allow-credentials", "true");
        }
        if (nullOrigin) {
            params.put("allow-null-origin", "true");
        }
        if (insecureOptIn) {
            params.put("dangerously-allow-insecure-origins-with-credentials", "true");
        }
        if (publicSuffixOptIn) {
            params.put("dangerously-allow-public-suffix-wildcards-with-credentials", "true");
        }
        if (maxAge != null) {
            params.put("max-age", Long.toString(maxAge.getSeconds()));
        }
        return Optional.of(params);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (anyOriginCall) {
            text.append("allowAnyOrigin() ");
        }
        if (!origins.isEmpty()) {
            text.append("origins=").append(origins).append(' ');
        }
        append(text, "methods", methods);
        append(text, "headers", headers);
        append(text, "exposed", exposed);
        text.append(credentials ? "credentials " : "");
        text.append(nullOrigin ? "allowNullOrigin() " : "");
        text.append(insecureOptIn ? "dangerouslyAllowInsecure… " : "");
        text.append(publicSuffixOptIn ? "dangerouslyAllowPublicSuffix… " : "");
        text.append(maxAge == null ? "" : "maxAge=" + maxAge);
        return AttackOrigins.LogSafe.show(text.toString().strip());
    }

    private static void append(StringBuilder text, String name, List<String> values) {
        if (!values.isEmpty()) {
            text.append(name).append('=').append(values).append(' ');
        }
    }

    private static boolean listable(List<String> values) {
        return values.stream().allMatch(value -> !value.isEmpty() && value.indexOf(',') < 0 && value.strip().equals(value));
    }

    private static void put(Map<String, String> params, String name, List<String> values) {
        if (!values.isEmpty()) {
            params.put(name, String.join(",", values));
        }
    }

    /**
     * Initialises a no-arg {@link CorsFilter} with init-params, as a servlet container does for
     * {@code web.xml}.
     *
     * @param params the init-params
     * @return the initialised filter
     * @throws ServletException as {@link CorsFilter#init} does
     */
    static CorsFilter initFilter(Map<String, String> params) throws ServletException {
        CorsFilter filter = new CorsFilter();
        filter.init(new FakeFilterConfig("cors", params));
        return filter;
    }
}
