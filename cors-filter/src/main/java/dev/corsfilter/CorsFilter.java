package dev.corsfilter;

import dev.corsfilter.internal.LogText;
import dev.corsfilter.internal.PolicyRules;
import dev.corsfilter.internal.WebSocketHandshake;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A servlet filter that enforces a {@link CorsPolicy}, or {@link PathPolicies} by request path.
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
 * no-arg constructor and settings from init-params, a properties file, environment variables and system
 * properties (see the configuration reference). {@link #reconfigure(CorsPolicy)} swaps the policy at run
 * time; each request sees the old or the new policy, never a mix.
 */
public class CorsFilter implements Filter {

    /** Request attribute: {@code Boolean.TRUE} when the request carries an {@code Origin}, else {@code FALSE}. */
    public static final String IS_CORS_ATTRIBUTE = "dev.corsfilter.isCorsRequest";
    /** Request attribute: the request's {@code Origin} value, only for CORS requests. */
    public static final String ORIGIN_ATTRIBUTE = "dev.corsfilter.origin";
    /** Request attribute: {@code "actual"} or {@code "not-cors"} for requests that reach the application. */
    public static final String REQUEST_TYPE_ATTRIBUTE = "dev.corsfilter.requestType";
    /** Request attribute: the {@link CorsDecision} for the request. */
    public static final String DECISION_ATTRIBUTE = "dev.corsfilter.decision";

    private static final Logger LOG = LoggerFactory.getLogger(CorsFilter.class);
    /** Where shadow disagreements are logged, at DEBUG, for {@code Explain shadow-report}. */
    private static final Logger SHADOW_LOG = LoggerFactory.getLogger("dev.corsfilter.shadow");

    private static final String OPTIONS = "OPTIONS";
    private static final String UPGRADE = "Upgrade";
    private static final String WEBSOCKET_VERSION = "Sec-WebSocket-Version";
    /** Numbers the filters of this class loader, so that each remembers its requests' policies apart. */
    private static final AtomicLong INSTANCES = new AtomicLong();

    /**
     * What the filter enforces, the shadow configuration it compares with, if any, and whether a shadow or a
     * listener hears its decisions (so that a request without either reads one field for them); swapped as a
     * whole and read once per request, so a request never sees half of two configurations.
     */
    private record Active(CorsPolicy policy, PathPolicies paths, Shadow shadow, boolean observed) {
    }

    /** A shadow configuration: one policy, or policies by path, evaluated beside the enforced one. */
    private record Shadow(CorsPolicy policy, PathPolicies paths) {

        CorsPolicy policyFor(String path) {
            return policy != null ? policy : paths.find(path);
        }
    }

    /** Where the filter's settings come from, which decides what {@link #init(FilterConfig)} reads. */
    private enum Configured {
        /** A policy given to a constructor: init-params are refused, the environment is ignored. */
        IN_CODE,
        /** Init-params, a properties file, environment variables and system properties, read by init. */
        AT_INIT,
        /** Settings given to {@link #fromSettings(Map)}, read there and only there: init-params are refused. */
        BY_FRAMEWORK
    }

    private final Configured configured;
    /** Where this filter remembers a request's policy for the dispatches that follow its first. */
    private final String policyAttribute = CorsFilter.class.getName() + ".policy." + INSTANCES.incrementAndGet();
    private volatile Active active;
    private volatile DecisionListeners listeners = DecisionListeners.none();
    /**
     * Guards {@link #watcher}, {@link #resolvers} and the read-modify-writes of {@link #active} and
     * {@link #listeners}: the container may call {@code init} and {@code destroy} from different threads.
     */
    private final Object lifecycle = new Object();
    private PolicyFileWatcher watcher;
    /** The resolvers created by class name for this filter's configurations, kept across reloads; null before. */
    private ResolverInstances resolvers;

    /** Creates a filter that reads its settings in {@link #init(FilterConfig)}. */
    public CorsFilter() {
        this.configured = Configured.AT_INIT;
    }

    private CorsFilter(Configured configured) {
        this.configured = configured;
    }

    /**
     * Creates a filter from settings by name, checked now, for a framework that resolves them from its own
     * sources (the Spring Boot starter binds them from {@code cors.*} properties). The names and values are
     * those of init-params, per-path policies and {@code config-file} included; unlike init-params they are the
     * only source: environment variables and system properties are not read, since the framework has already
     * applied its own precedence. {@link #init(FilterConfig)} then refuses init-params and only logs.
     *
     * @param settings setting names to values, e.g. {@code allowed-origins} to {@code https://app.example.com}
     * @return the filter, enforcing what the settings describe (and watching the file, if they say so)
     * @throws InvalidCorsPolicyException listing every problem with the settings
     */
    public static CorsFilter fromSettings(Map<String, String> settings) {
        CorsFilter filter = new CorsFilter(Configured.BY_FRAMEWORK);
        filter.init(new ConfigurationSources(settings, Map.of(), Map.of()));
        return filter;
    }

    /**
     * Creates a filter enforcing one policy for every path.
     *
     * @param policy the policy
     */
    public CorsFilter(CorsPolicy policy) {
        this.configured = Configured.IN_CODE;
        this.active = new Active(requireNonNull(policy, "policy"), null, null, false);
    }

    /**
     * Creates a filter enforcing policies by request path; paths no pattern matches get no CORS headers.
     *
     * @param policies the policies by path pattern
     */
    public CorsFilter(PathPolicies policies) {
        this.configured = Configured.IN_CODE;
        this.active = new Active(null, requireNonNull(policies, "policies"), null, false);
    }

    /**
     * Reads the settings, unless a policy was given to the constructor or the settings to
     * {@link #fromSettings(Map)}; then init-params are refused rather than ignored. With
     * {@code config-file-watch-seconds} set, starts watching the properties file.
     *
     * @param config the filter's configuration
     * @throws InvalidCorsPolicyException listing every problem with the settings
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        Map<String, String> params = new LinkedHashMap<>();
        for (Enumeration<String> names = config.getInitParameterNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            params.put(name, config.getInitParameter(name));
        }
        try {
            if (configured == Configured.BY_FRAMEWORK) {
                refuseInitParams(params);
            } else if (configured == Configured.IN_CODE) {
                refuseInitParams(params);
                Set<String> ignored = ConfigurationSources.presentOutsideCode(System.getenv(), systemProperties());
                if (!ignored.isEmpty()) {
                    LOG.warn("CORS filter '{}' was given its policy in code and ignores {}", config.getFilterName(), ignored);
                }
            } else {
                init(new ConfigurationSources(params, System.getenv(), systemProperties()));
            }
        } catch (InvalidCorsPolicyException e) {
            LOG.error("CORS filter '{}' not started: {}", config.getFilterName(), e.getMessage());
            throw e;
        }
        LOG.info("CORS filter '{}' enforces {}", config.getFilterName(), describe(active));
    }

    /**
     * Loads a configuration from its sources and starts watching its file when asked to.
     *
     * @param sources the settings' sources
     */
    final void init(ConfigurationSources sources) {
        synchronized (lifecycle) {
            // A second init() must not leave the first one's watcher reconfiguring this filter.
            stopWatching();
            sources.ignoredNames().forEach(LOG::warn);
            byte[] fileContent = sources.readFile();
            if (resolvers == null) {
                resolvers = new ResolverInstances();
            }
            InitParameters.Configuration configuration;
            try {
                configuration = sources.configuration(fileContent, resolvers);
            } catch (InvalidCorsPolicyException e) {
                resolvers.discarded();
                throw e;
            }
            apply(configuration);
            resolvers.applied();
            sources.ignoredFileSettings(fileContent).forEach(LOG::warn);
            long seconds = sources.watchSeconds();
            Path file = sources.watchedFile();
            if (seconds > 0 && file != null) {
                watcher = new PolicyFileWatcher(file, Duration.ofSeconds(seconds), fileContent, sources, resolvers,
                        this::apply);
                LOG.info("CORS filter watches {} every {} seconds", file, seconds);
            }
        }
    }

    /**
     * Stops watching the configuration file, if this filter watches one (its thread has ended on return, unless a
     * read of the file is stuck in the file system for more than 10 seconds), and closes the origin resolvers it
     * created by class name.
     */
    @Override
    public void destroy() {
        synchronized (lifecycle) {
            stopWatching();
            if (resolvers != null) {
                resolvers.close();
                resolvers = null;
            }
        }
    }

    private void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /**
     * Replaces what the filter enforces with one policy for every path. Requests already running finish
     * with the policy they started with; later ones see the new one. A policy that exists is valid, so this
     * cannot leave the filter half-configured.
     *
     * @param policy the new policy
     */
    public final void reconfigure(CorsPolicy policy) {
        requireNonNull(policy, "policy");
        synchronized (lifecycle) {
            active = activate(policy, null, active == null ? null : active.shadow());
        }
        LOG.info("CORS filter reconfigured: {}", policy);
    }

    /**
     * Replaces what the filter enforces with policies by path.
     *
     * @param policies the new policies
     */
    public final void reconfigure(PathPolicies policies) {
        requireNonNull(policies, "policies");
        synchronized (lifecycle) {
            active = activate(null, policies, active == null ? null : active.shadow());
        }
        LOG.info("CORS filter reconfigured: {}", policies);
    }

    /**
     * The policy this filter enforces on every path.
     *
     * @return the policy
     * @throws IllegalStateException before {@link #init(FilterConfig)} read one, or when the filter
     *     enforces policies by path
     */
    public final CorsPolicy policy() {
        Active current = active();
        if (current.policy() == null) {
            throw new IllegalStateException("this CorsFilter enforces policies by path; see pathPolicies()");
        }
        return current.policy();
    }

    /**
     * The policies by path this filter enforces, if it was configured that way.
     *
     * @return the path policies, or null when one policy covers every path
     */
    public final PathPolicies pathPolicies() {
        return active().paths();
    }

    /**
     * Adds a listener that hears every decision about a CORS request, and every shadow disagreement. Without
     * listeners and shadow, the filter does no work for them.
     *
     * @param listener the listener
     */
    public final void addDecisionListener(CorsDecisionListener listener) {
        requireNonNull(listener, "listener");
        synchronized (lifecycle) {
            listeners = listeners.with(listener);
            reactivate();
        }
    }

    /**
     * Removes a listener added before (the same object).
     *
     * @param listener the listener
     */
    public final void removeDecisionListener(CorsDecisionListener listener) {
        synchronized (lifecycle) {
            listeners = listeners.without(listener);
            reactivate();
        }
    }

    /**
     * Evaluates a candidate policy beside the enforced one on every CORS request, without changing any
     * response: each request on which the candidate would make the browser see something else (see
     * {@link ShadowDisagreement}) goes to the decision listeners and to a DEBUG line of the logger
     * {@code dev.corsfilter.shadow}, which {@code Explain shadow-report} counts. Replaces any shadow set
     * before; the enforced policy is unchanged.
     *
     * @param candidate the policy to try for every path
     */
    public final void shadow(CorsPolicy candidate) {
        setShadow(new Shadow(requireNonNull(candidate, "candidate"), null));
    }

    /**
     * Evaluates candidate policies by path beside the enforced configuration, as {@link #shadow(CorsPolicy)}
     * does; a path none of them covers counts as refused by the candidate.
     *
     * @param candidate the policies to try
     */
    public final void shadow(PathPolicies candidate) {
        setShadow(new Shadow(null, requireNonNull(candidate, "candidate")));
    }

    /** Stops evaluating a shadow configuration. */
    public final void stopShadow() {
        setShadow(null);
    }

    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse) {
            boolean initial = httpRequest.getDispatcherType() == DispatcherType.REQUEST;
            Active current = initial ? active() : null;
            CorsPolicy policy = !initial ? remembered(httpRequest)
                    : current.policy() != null ? current.policy() : current.paths().find(pathOf(httpRequest));
            if (policy == null) {
                if (initial && current.shadow() != null) {
                    observeUncovered(current, httpRequest, httpResponse);
                }
                chain.doFilter(request, response);
            } else {
                doFilter(current, policy, httpRequest, httpResponse, chain);
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A CORS request on a path no enforced policy covers still counts for the shadow configuration. */
    private void observeUncovered(Active current, HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader(PolicyRules.ORIGIN);
        if (origin != null) {
            String requestedMethod = OPTIONS.equals(request.getMethod())
                    ? ServletRequestSource.joinedLines(request, PolicyRules.REQUEST_METHOD) : null;
            observe(current, requestedMethod == null ? CorsDecisionEvent.Kind.ACTUAL : CorsDecisionEvent.Kind.PREFLIGHT,
                    null, request, response, origin, requestedMethod,
                    requestedMethod == null ? null : ServletRequestSource.joinedLines(request, PolicyRules.REQUEST_HEADERS),
                    CorsDecision.ORIGIN_NOT_ALLOWED);
        }
    }

    /** Whether anything hears the decisions about requests under this configuration. */
    private boolean observed(Active current) {
        return current != null && current.observed();
    }

    /**
     * Handles a request under a policy; {@code current} is the configuration read for its first dispatch, or
     * null on a later one.
     */
    private void doFilter(Active current, CorsPolicy policy, HttpServletRequest request, HttpServletResponse response,
                          FilterChain chain)
            throws IOException, ServletException {
        PolicyRules rules = policy.rules();
        String origin = request.getHeader(PolicyRules.ORIGIN);
        if (origin == null) {
            CorsDecision decision = rules.notCors(response, ServletHeaderSink.INSTANCE);
            describe(policy, request, decision, null);
            continueWith(policy, null, request, response, chain);
            return;
        }
        String method = request.getMethod();
        boolean initial = current != null;
        // Its first line; the pure core asks about a second one when it would change the answer.
        String requestedMethod = OPTIONS.equals(method) && initial ? request.getHeader(PolicyRules.REQUEST_METHOD) : null;
        if (requestedMethod != null) {
            preflight(current, policy, request, response, origin, requestedMethod);
            return;
        }
        if (policy.checksWebSocketOrigin() && isWebSocketHandshake(request)) {
            webSocketHandshake(current, policy, request, response, chain, origin);
            return;
        }
        CorsDecision decision = rules.actual(origin, request, ServletRequestSource.INSTANCE, response, ServletHeaderSink.INSTANCE);
        describe(policy, request, decision, origin);
        if (observed(current)) {
            observe(current, CorsDecisionEvent.Kind.ACTUAL, policy, request, response, origin, null, null, decision);
        }
        boolean allowed = decision == CorsDecision.ACTUAL_ALLOWED;
        if (!allowed && initial && LOG.isDebugEnabled()) {
            LOG.debug("CORS {} {}: no CORS headers, {}", method, LogText.quote(request.getRequestURI()),
                    rules.reason(decision, PolicyRules.originLines(origin, request, ServletRequestSource.INSTANCE),
                            null, null));
        }
        continueWith(policy, allowed ? origin : null, request, response, chain);
    }

    /**
     * Lets the application answer through the filter's response, and through a request whose async context
     * keeps that response, so that what the filter wrote stays right on every path. A request that fails or
     * goes async comes back to the filter (an ERROR or ASYNC dispatch) and is answered there under the policy
     * it started with; requests that do neither are not marked, which would cost an allocation in most
     * containers.
     */
    private void continueWith(CorsPolicy policy, String allowedOrigin, HttpServletRequest request,
                              HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CorsResponse corsResponse = new CorsResponse(response, policy, allowedOrigin);
        // Without async support now, the application can never start async: the request needs no wrapper.
        HttpServletRequest corsRequest = request.isAsyncSupported()
                ? new CorsServletRequest(request, corsResponse, policyAttribute) : request;
        boolean returned = false;
        try {
            chain.doFilter(corsRequest, corsResponse);
            returned = true;
        } finally {
            if (!returned || response.getStatus() >= HttpServletResponse.SC_BAD_REQUEST) {
                request.setAttribute(policyAttribute, policy);
            }
        }
    }

    private void preflight(Active current, CorsPolicy policy, HttpServletRequest request, HttpServletResponse response,
                           String origin, String requestedMethod) {
        PolicyRules rules = policy.rules();
        String requestedHeaders = request.getHeader(PolicyRules.REQUEST_HEADERS);
        boolean privateNetwork = policy.allowsPrivateNetwork()
                && "true".equals(request.getHeader(PolicyRules.REQUEST_PRIVATE_NETWORK));
        CorsDecision decision = rules.preflight(origin, request, ServletRequestSource.INSTANCE, requestedMethod, requestedHeaders,
                privateNetwork, response, ServletHeaderSink.INSTANCE);
        if (!decision.allowed() && (observed(current) || LOG.isDebugEnabled())) {
            // Reported refusals name the check every line fails first, as debug mode and evaluate() do.
            decision = rules.preflightRefusal(decision, request, ServletRequestSource.INSTANCE);
        }
        if (observed(current)) {
            // Events report every line, as the decision read them.
            observe(current, CorsDecisionEvent.Kind.PREFLIGHT, policy, request, response, origin,
                    ServletRequestSource.joinedLines(request, PolicyRules.REQUEST_METHOD),
                    ServletRequestSource.joinedLines(request, PolicyRules.REQUEST_HEADERS), decision);
        }
        if (decision.allowed() || rules.debug()) {
            response.setStatus(policy.preflightStatus());
        } else {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        if (!decision.allowed() && LOG.isDebugEnabled()) {
            LOG.debug("CORS pre-flight for {} refused: {}", LogText.quote(request.getRequestURI()),
                    rules.reason(decision, decision == CorsDecision.ORIGIN_NOT_ALLOWED
                                    ? PolicyRules.originLines(origin, request, ServletRequestSource.INSTANCE) : origin,
                            ServletRequestSource.joinedLines(request, PolicyRules.REQUEST_METHOD),
                            ServletRequestSource.joinedLines(request, PolicyRules.REQUEST_HEADERS)));
        }
        response.setContentLength(0);
    }

    /**
     * Refuses a WebSocket handshake from an origin the policy does not allow; lets the others through
     * without CORS headers, which mean nothing to WebSocket clients, but through the filter's wrappers, so
     * that they keep {@code Vary: Origin} like every other response.
     */
    private void webSocketHandshake(Active current, CorsPolicy policy, HttpServletRequest request,
                                    HttpServletResponse response, FilterChain chain, String origin)
            throws IOException, ServletException {
        CorsDecision decision = policy.rules().webSocketHandshake(origin, request, ServletRequestSource.INSTANCE, response,
                ServletHeaderSink.INSTANCE);
        if (observed(current)) {
            observe(current, CorsDecisionEvent.Kind.WEBSOCKET, policy, request, response, origin, null, null, decision);
        }
        if (decision == CorsDecision.ACTUAL_ALLOWED) {
            describe(policy, request, decision, origin);
            continueWith(policy, null, request, response, chain);
            return;
        }
        LOG.debug("WebSocket handshake from {} refused: origin not allowed", LogText.quote(origin));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentLength(0);
    }

    /**
     * The policy for a later dispatch (ERROR, ASYNC, FORWARD, INCLUDE) of a request: only the one this filter
     * remembered from the request's first, or none. So an error page never lends its own path's policy to a
     * request the filter did not cover (an uncovered path, or one outside the filter's mapping), and a request
     * never mixes two policies when the filter is reconfigured while it runs. During the first dispatch itself,
     * a forward or include needs nothing: the application still writes through the filter's response.
     */
    private CorsPolicy remembered(HttpServletRequest request) {
        return request.getAttribute(policyAttribute) instanceof CorsPolicy policy ? policy : null;
    }

    private static void describe(CorsPolicy policy, HttpServletRequest request, CorsDecision decision, String origin) {
        if (!policy.setsRequestAttributes()) {
            return;
        }
        request.setAttribute(IS_CORS_ATTRIBUTE, origin != null);
        request.setAttribute(REQUEST_TYPE_ATTRIBUTE, origin == null ? "not-cors" : "actual");
        request.setAttribute(DECISION_ATTRIBUTE, decision);
        if (origin != null) {
            request.setAttribute(ORIGIN_ATTRIBUTE, origin);
        }
    }

    private Active active() {
        Active current = active;
        if (current == null) {
            throw new IllegalStateException("CorsFilter has no policy: init(FilterConfig) has not run");
        }
        return current;
    }

    /** Applies a configuration read by name: what it enforces and its shadow or none, in one swap. */
    private void apply(InitParameters.Configuration configuration) {
        InitParameters.Configuration shadow = configuration.shadow();
        Shadow newShadow = shadow == null ? null : new Shadow(shadow.policy(), shadow.paths());
        synchronized (lifecycle) {
            logShadowChange(active == null ? null : active.shadow(), newShadow);
            active = activate(configuration.policy(), configuration.paths(), newShadow);
        }
    }

    /** A configuration to swap in; call with {@link #lifecycle} held, so that the listeners stay as read. */
    private Active activate(CorsPolicy policy, PathPolicies paths, Shadow shadow) {
        return new Active(policy, paths, shadow, shadow != null || !listeners.isEmpty());
    }

    /** Swaps in the same configuration after the listeners changed; call with {@link #lifecycle} held. */
    private void reactivate() {
        Active current = active;
        if (current != null) {
            active = activate(current.policy(), current.paths(), current.shadow());
        }
    }

    private void setShadow(Shadow shadow) {
        synchronized (lifecycle) {
            Active current = active();
            logShadowChange(current.shadow(), shadow);
            active = activate(current.policy(), current.paths(), shadow);
        }
    }

    private static void logShadowChange(Shadow before, Shadow after) {
        if (before != null || after != null) {
            LOG.info("CORS filter {}", after == null ? "stopped its shadow" : "shadows " + describe(after));
        }
    }

    /**
     * Tells the listeners what was decided about a CORS request on its first dispatch, and compares with the
     * shadow configuration; only called when either exists.
     *
     * @param policy the enforced policy, or null when none covers the path
     */
    private void observe(Active current, CorsDecisionEvent.Kind kind, CorsPolicy policy, HttpServletRequest request,
                         HttpServletResponse response, String origin, String requestedMethod, String requestedHeaders,
                         CorsDecision decision) {
        String path = pathOf(request);
        String named = decision == CorsDecision.ORIGIN_NOT_ALLOWED
                ? PolicyRules.originLines(origin, request, ServletRequestSource.INSTANCE) : origin;
        CorsRequest corsRequest = new CorsRequest(request.getMethod(), named, requestedMethod, requestedHeaders);
        DecisionListeners hearing = listeners;
        if (policy != null && !hearing.isEmpty()) {
            hearing.decided(new CorsDecisionEvent(kind, corsRequest, path, decision, policy));
        }
        if (current.shadow() != null) {
            ShadowDisagreement disagreement = ShadowComparison.compare(kind, policy, decision,
                    current.shadow().policyFor(path), request, response, corsRequest, path);
            if (disagreement != null) {
                if (SHADOW_LOG.isDebugEnabled()) {
                    SHADOW_LOG.debug(ShadowReport.line(disagreement));
                }
                hearing.disagreed(disagreement);
            }
        }
    }

    /** The request's path within the application, as per-path policies match it. */
    private static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Every form of handshake carries {@code Sec-WebSocket-Version}, so other requests cost one lookup. */
    static boolean isWebSocketHandshake(HttpServletRequest request) {
        String version = request.getHeader(WEBSOCKET_VERSION);
        return version != null
                && WebSocketHandshake.isHandshake(request.getMethod(), lines(request, "Connection"),
                        lines(request, UPGRADE), request.getHeader("Sec-WebSocket-Key"), version);
    }

    private static List<String> lines(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    private static void refuseInitParams(Map<String, String> params) {
        if (!params.isEmpty()) {
            throw new InvalidCorsPolicyException(params.keySet().stream()
                    .map(name -> new PolicyProblem(name, params.get(name), PolicyRule.INIT_PARAM_UNKNOWN,
                            "init-param \"" + name + "\" would be ignored: this filter was given its policy in code"))
                    .toList());
        }
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return properties;
    }

    private static String describe(Active active) {
        return active.policy() != null ? active.policy().toString() : active.paths().toString();
    }

    private static String describe(Shadow shadow) {
        return shadow.policy() != null ? shadow.policy().toString() : shadow.paths().toString();
    }

    private static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name);
        }
        return value;
    }
}
