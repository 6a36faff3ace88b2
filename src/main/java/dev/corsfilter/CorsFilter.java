package dev.corsfilter;

import dev.corsfilter.internal.LogText;
import dev.corsfilter.internal.PolicyRules;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A servlet filter that enforces a {@link CorsPolicy}.
 *
 * <ul>
 *   <li>A pre-flight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 *       answered here and never reaches the application: the policy's 2xx status with the CORS headers
 *       when it passes, 403 without any {@code Access-Control-*} header when it does not.</li>
 *   <li>Every other request reaches the application. An allowed CORS request gets its CORS headers
 *       before the application runs, so they are on the response even when the application fails,
 *       redirects, streams or resets the response.</li>
 *   <li>When the answer depends on the origin, every response carries {@code Vary: Origin}.</li>
 * </ul>
 *
 * <p>Register it first, before authentication (pre-flights carry no credentials), for the
 * {@code REQUEST}, {@code ASYNC} and {@code ERROR} dispatches. Create it with a policy in code, or with the
 * no-arg constructor and init-params: {@code allowed-origins}, {@code allowed-methods},
 * {@code allowed-headers}, {@code exposed-headers} (comma-separated), {@code allow-credentials}
 * ({@code true}/{@code false}), {@code max-age} (seconds) and {@code preflight-status}.
 */
public class CorsFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(CorsFilter.class);

    private static final String OPTIONS = "OPTIONS";

    private final boolean configuredInCode;
    private volatile CorsPolicy policy;

    /** Creates a filter that reads its policy from init-params in {@link #init(FilterConfig)}. */
    public CorsFilter() {
        this.configuredInCode = false;
    }

    /**
     * Creates a filter enforcing {@code policy}.
     *
     * @param policy the policy
     */
    public CorsFilter(CorsPolicy policy) {
        if (policy == null) {
            throw new NullPointerException("policy");
        }
        this.configuredInCode = true;
        this.policy = policy;
    }

    /**
     * Reads the policy from init-params, unless one was given to the constructor; then init-params are
     * refused rather than ignored.
     *
     * @param config the filter's configuration
     * @throws InvalidCorsPolicyException listing every problem with the init-params
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        Map<String, String> params = new LinkedHashMap<>();
        for (Enumeration<String> names = config.getInitParameterNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            params.put(name, config.getInitParameter(name));
        }
        try {
            if (configuredInCode) {
                if (!params.isEmpty()) {
                    throw new InvalidCorsPolicyException(params.keySet().stream()
                            .map(name -> new PolicyProblem(name, params.get(name), PolicyRule.INIT_PARAM_UNKNOWN,
                                    "init-param \"" + name + "\" would be ignored: this filter was given its policy"
                                            + " in code"))
                            .toList());
                }
            } else {
                policy = InitParameters.toPolicy(params);
            }
        } catch (InvalidCorsPolicyException e) {
            LOG.error("CORS filter '{}' not started: {}", config.getFilterName(), e.getMessage());
            throw e;
        }
        LOG.info("CORS filter '{}' enforces {}", config.getFilterName(), policy);
    }

    /**
     * The policy this filter enforces.
     *
     * @return the policy
     * @throws IllegalStateException before {@link #init(FilterConfig)} read one from init-params
     */
    public final CorsPolicy policy() {
        CorsPolicy current = policy;
        if (current == null) {
            throw new IllegalStateException("CorsFilter has no policy: init(FilterConfig) has not run");
        }
        return current;
    }

    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse) {
            doFilter(httpRequest, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PolicyRules rules = policy().rules();
        String origin = request.getHeader(PolicyRules.ORIGIN);
        if (origin == null) {
            rules.notCors(response, ServletHeaderSink.INSTANCE);
            chain.doFilter(request, response);
            return;
        }
        boolean originRepeated = isRepeated(request, PolicyRules.ORIGIN);
        String method = request.getMethod();
        String requestedMethod = OPTIONS.equals(method) ? request.getHeader(PolicyRules.REQUEST_METHOD) : null;
        if (requestedMethod != null && request.getDispatcherType() == DispatcherType.REQUEST) {
            preflight(request, response, rules, origin, originRepeated, requestedMethod);
            return;
        }
        CorsDecision decision = rules.actual(origin, originRepeated, response, ServletHeaderSink.INSTANCE);
        if (decision == CorsDecision.ACTUAL_ALLOWED) {
            chain.doFilter(request, new CorsResponse(response, rules, origin));
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("CORS {} {}: no CORS headers, {}", method, LogText.quote(request.getRequestURI()),
                    rules.reason(decision, origin, null, null));
        }
        chain.doFilter(request, response);
    }

    private void preflight(HttpServletRequest request, HttpServletResponse response, PolicyRules rules,
                           String origin, boolean originRepeated, String requestedMethod) {
        String requestedHeaders = joinedHeader(request, PolicyRules.REQUEST_HEADERS);
        CorsDecision decision = rules.preflight(origin, originRepeated, requestedMethod, requestedHeaders,
                response, ServletHeaderSink.INSTANCE);
        if (decision.allowed()) {
            response.setStatus(policy().preflightStatus());
        } else {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            if (LOG.isDebugEnabled()) {
                LOG.debug("CORS pre-flight for {} refused with 403: {}", LogText.quote(request.getRequestURI()),
                        rules.reason(decision, origin, requestedMethod, requestedHeaders));
            }
        }
        response.setContentLength(0);
    }

    private static boolean isRepeated(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    /** Returns all lines of a list-valued header joined by commas, as RFC 9110 section 5.3 allows. */
    private static String joinedHeader(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        return first + "," + String.join(",", Collections.list(values));
    }
}
