package dev.corsfilter.internal;

import dev.corsfilter.CorsDecision;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The decision logic of the CORS protocol for one validated policy, prepared once and then shared by all
 * requests: plain strings in, a {@link CorsDecision} and response headers out, no servlet types.
 *
 * <p>Every header value that depends only on the policy is computed here, once. Per request, only
 * lookups remain, and the values written are either those constants or request values that a lookup has
 * just proven valid (an allowed origin, a method token, a list of allowed header names), so nothing a
 * client sends reaches a response unchecked.
 */
public final class PolicyRules {

    /** The request header naming the caller's origin. */
    public static final String ORIGIN = "Origin";
    /** Pre-flight request header naming the method. */
    public static final String REQUEST_METHOD = "Access-Control-Request-Method";
    /** Pre-flight request header naming the headers. */
    public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    /** Pre-flight request header of Private Network Access. */
    public static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";
    /** Response header naming the allowed origin. */
    public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    /** Response header allowing credentials. */
    public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    /** Response header listing allowed methods. */
    public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    /** Response header listing allowed request headers. */
    public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    /** Response header of Private Network Access. */
    public static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";
    /** Response header listing headers scripts may read. */
    public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    /** Response header giving the pre-flight cache lifetime. */
    public static final String MAX_AGE = "Access-Control-Max-Age";
    /** Resource Timing's response header. */
    public static final String TIMING_ALLOW_ORIGIN = "Timing-Allow-Origin";
    /** The caching header. */
    public static final String VARY = "Vary";
    /** The response header that carries the reason for a refusal in debug mode. */
    public static final String DEBUG = "X-CORS-Debug";

    /** The longest {@code Access-Control-Request-Method} read; longer values are refused unread. */
    public static final int MAX_METHOD_LENGTH = 64;

    /**
     * What a policy says, validated: the input of {@link PolicyRules}.
     *
     * @param anyOrigin whether every origin is allowed ({@code Access-Control-Allow-Origin: *})
     * @param nullOrigin whether the {@code null} origin is allowed
     * @param origins the allowed origins and patterns when not {@code anyOrigin}
     * @param dynamicOrigins the user's check for other origins, or null
     * @param methods the allowed methods; {@code *} for all
     * @param headers the allowed request header names, lower-case; {@code *} for all but {@code authorization}
     * @param exposedHeaders the exposed response header names; {@code *} for all
     * @param credentials whether credentialed requests are allowed
     * @param maxAgeSeconds the pre-flight cache lifetime, or null to send none
     * @param privateNetwork whether to answer Private Network Access pre-flights
     * @param timingAllowOrigin whether to send {@code Timing-Allow-Origin} to allowed origins
     * @param debug whether refused pre-flights get the headers that passed and the reason
     */
    public record Settings(boolean anyOrigin, boolean nullOrigin, Collection<OriginPattern> origins,
                           DynamicOrigins dynamicOrigins, Set<String> methods, Set<String> headers,
                           Collection<String> exposedHeaders, boolean credentials, Long maxAgeSeconds,
                           boolean privateNetwork, boolean timingAllowOrigin, boolean debug) {
    }

    private final boolean anyOrigin;
    private final OriginMatcher origins;
    private final DynamicOrigins dynamicOrigins;
    private final boolean anyMethod;
    /** Method names are whole values, compared exactly: a {@code java.util} set hashes them fastest. */
    private final Set<String> methods;
    private final boolean anyHeader;
    private final AsciiSet headers;
    private final String credentialsValue;
    private final String exposeValue;
    private final String maxAgeValue;
    private final String preflightVary;
    private final boolean privateNetwork;
    private final boolean timingAllowOrigin;
    private final boolean debug;
    private final String originsText;
    private final String methodsText;
    private final String headersText;
    /** Header lists browsers repeat, e.g. {@code content-type,x-request-id}, accepted before. */
    private final AcceptedValues acceptedHeaderLists = new AcceptedValues(256, 512);

    /**
     * Prepares the rules of a validated policy.
     *
     * @param settings the policy's settings
     */
    public PolicyRules(Settings settings) {
        this.anyOrigin = settings.anyOrigin();
        this.origins = new OriginMatcher(settings.origins(), settings.nullOrigin());
        this.dynamicOrigins = settings.dynamicOrigins();
        this.anyMethod = settings.methods().contains("*");
        this.methods = Set.copyOf(without(settings.methods(), "*"));
        this.anyHeader = settings.headers().contains("*");
        this.headers = AsciiSet.caseInsensitive(without(settings.headers(), "*"));
        this.credentialsValue = settings.credentials() ? "true" : null;
        this.exposeValue = settings.exposedHeaders().isEmpty() ? null : String.join(", ", settings.exposedHeaders());
        this.maxAgeValue = settings.maxAgeSeconds() == null ? null : Long.toString(settings.maxAgeSeconds());
        this.privateNetwork = settings.privateNetwork();
        this.timingAllowOrigin = settings.timingAllowOrigin();
        this.debug = settings.debug();
        this.preflightVary = (anyOrigin ? "" : ORIGIN + ", ") + REQUEST_METHOD + ", " + REQUEST_HEADERS
                + (privateNetwork ? ", " + REQUEST_PRIVATE_NETWORK : "");
        this.originsText = originsText(settings);
        Set<String> allMethods = new LinkedHashSet<>(List.of("GET", "HEAD", "POST"));
        allMethods.addAll(settings.methods());
        this.methodsText = allMethods.toString();
        this.headersText = settings.headers().toString();
    }

    /**
     * Decorates the response to a request without {@code Origin}. An origin-dependent policy adds
     * {@code Vary: Origin}, so that a cache never serves this response to a CORS request; an any-origin
     * policy sends its constant headers on every response instead, as the Fetch standard advises
     * ("CORS protocol and HTTP caches"), so no {@code Vary} is needed.
     *
     * @param response the response
     * @param sink how to write to it
     * @param <R> the response type
     * @return {@link CorsDecision#NOT_CORS}
     */
    public <R> CorsDecision notCors(R response, HeaderSink<R> sink) {
        if (anyOrigin) {
            writeActualHeaders(response, sink, null);
        } else {
            varyOnOrigin(response, sink);
        }
        return CorsDecision.NOT_CORS;
    }

    /**
     * Decides an actual (non-pre-flight) CORS request and writes its response headers.
     *
     * @param origin the {@code Origin} value, never null
     * @param request the request, for {@code source}
     * @param source tells whether {@code Origin} came in several lines
     * @param response the response
     * @param sink how to write to it
     * @param <Q> the request type
     * @param <R> the response type
     * @return {@link CorsDecision#ACTUAL_ALLOWED} or {@link CorsDecision#ORIGIN_NOT_ALLOWED}
     */
    public <Q, R> CorsDecision actual(String origin, Q request, RequestSource<Q> source, R response,
                                      HeaderSink<R> sink) {
        varyOnOrigin(response, sink);
        if (!allowsOrigin(origin, request, source)) {
            if (debug) {
                sink.set(response, DEBUG, reason(CorsDecision.ORIGIN_NOT_ALLOWED, originLines(origin, request, source),
                        null, null));
            }
            return CorsDecision.ORIGIN_NOT_ALLOWED;
        }
        writeActualHeaders(response, sink, origin);
        return CorsDecision.ACTUAL_ALLOWED;
    }

    /**
     * Writes what the filter owns on a non-pre-flight response again, after the application cleared or
     * replaced it ({@code reset()}, {@code setHeader("Vary", …)}): {@code Origin} in {@code Vary} when the
     * answer depends on the origin, and the CORS headers when the filter had decorated the response. What
     * is still there is left as it is, so calling it again changes nothing.
     *
     * @param allowedOrigin the allowed origin, or null when the request had none or it was refused
     * @param decorated whether the response carried CORS headers: an allowed origin, or any request under an
     *     any-origin policy
     * @param response the response
     * @param sink how to write to it
     * @param <R> the response type
     */
    public <R> void restore(String allowedOrigin, boolean decorated, R response, HeaderSink<R> sink) {
        varyOnOrigin(response, sink);
        if (decorated) {
            writeActualHeaders(response, sink, allowedOrigin);
        }
    }

    /**
     * Makes sure the response varies on {@code Origin} when the answer depends on the origin, keeping every
     * other {@code Vary} member; does nothing for an any-origin policy or a response that varies on {@code *}.
     *
     * @param response the response
     * @param sink how to read and write it
     * @param <R> the response type
     */
    public <R> void varyOnOrigin(R response, HeaderSink<R> sink) {
        if (!anyOrigin) {
            addVary(response, sink, ORIGIN);
        }
    }

    /**
     * Decides a WebSocket opening handshake under a policy that checks WebSocket origins. Its response gets
     * no CORS headers, which mean nothing to WebSocket clients, but {@code Vary: Origin} when the answer
     * depends on the origin, as every other response does.
     *
     * @param origin the {@code Origin} value, never null
     * @param request the request, for {@code source}
     * @param source tells whether {@code Origin} came in several lines
     * @param response the response
     * @param sink how to write to it
     * @param <Q> the request type
     * @param <R> the response type
     * @return {@link CorsDecision#ACTUAL_ALLOWED} or {@link CorsDecision#ORIGIN_NOT_ALLOWED}
     */
    public <Q, R> CorsDecision webSocketHandshake(String origin, Q request, RequestSource<Q> source, R response,
                                                  HeaderSink<R> sink) {
        varyOnOrigin(response, sink);
        return allowsOrigin(origin, request, source) ? CorsDecision.ACTUAL_ALLOWED : CorsDecision.ORIGIN_NOT_ALLOWED;
    }

    /**
     * Decides a pre-flight request and, when it passes, writes its response headers. A refused pre-flight
     * gets no {@code Access-Control-*} header at all, only {@code Vary} — except in debug mode, where it
     * gets the headers of the checks that passed, so the browser's console names the one that failed.
     *
     * <p>Each header comes as its first line, and the source is asked for more only where they change the
     * answer. Two {@code Origin} lines, or two {@code Access-Control-Request-Method} lines, are refused; they
     * only matter to an answer that names the origin or the method, so they are looked for once the pre-flight
     * would otherwise be allowed (in debug mode, whose refusals name what passed, at each step). The lines of
     * {@code Access-Control-Request-Headers} are one list, read whole when the list is checked, unless its
     * first line is already too long.
     *
     * @param origin the {@code Origin} value (its first line), never null
     * @param request the request, for {@code source}
     * @param source tells whether a header came in several lines, and gives them
     * @param method the {@code Access-Control-Request-Method} value (its first line), never null
     * @param requestHeaders the {@code Access-Control-Request-Headers} value (its first line), or null
     * @param privateNetworkRequested whether {@code Access-Control-Request-Private-Network} is {@code true}
     * @param response the response
     * @param sink how to write to it
     * @param <Q> the request type
     * @param <R> the response type
     * @return {@link CorsDecision#PREFLIGHT_ALLOWED} or the reason for refusing
     */
    public <Q, R> CorsDecision preflight(String origin, Q request, RequestSource<Q> source, String method,
                                         String requestHeaders, boolean privateNetworkRequested, R response,
                                         HeaderSink<R> sink) {
        addVary(response, sink, preflightVary);
        RequestHeaderList.Verdict headerVerdict = RequestHeaderList.Verdict.EMPTY;
        String requestedMethod = method;
        String listedHeaders = requestHeaders;
        CorsDecision decision;
        if (!matchesOrigin(origin) || (debug && repeatedOrigin(request, source))) {
            decision = CorsDecision.ORIGIN_NOT_ALLOWED;
        } else if (debug && source.isRepeated(request, REQUEST_METHOD)) {
            requestedMethod = source.joined(request, REQUEST_METHOD);
            decision = CorsDecision.METHOD_INVALID;
        } else if (method.length() > MAX_METHOD_LENGTH || !HttpToken.isToken(method)) {
            decision = CorsDecision.METHOD_INVALID;
        } else if (!allowsMethod(method)) {
            decision = CorsDecision.METHOD_NOT_ALLOWED;
        } else {
            if (requestHeaders != null) {
                listedHeaders = everyLine(requestHeaders, request, source);
                headerVerdict = checkHeaders(listedHeaders);
            }
            decision = switch (headerVerdict) {
                case NOT_ALLOWED -> CorsDecision.HEADER_NOT_ALLOWED;
                case MALFORMED -> CorsDecision.HEADERS_INVALID;
                case TOO_LARGE -> CorsDecision.HEADERS_TOO_LARGE;
                case EMPTY, ALLOWED, ALLOWED_NOT_COMPACT -> CorsDecision.PREFLIGHT_ALLOWED;
            };
        }
        if (decision == CorsDecision.PREFLIGHT_ALLOWED && !debug) {
            if (repeatedOrigin(request, source)) {
                decision = CorsDecision.ORIGIN_NOT_ALLOWED;
            } else if (source.isRepeated(request, REQUEST_METHOD)) {
                decision = CorsDecision.METHOD_INVALID;
            }
        }
        if (decision == CorsDecision.PREFLIGHT_ALLOWED || debug) {
            writePreflightHeaders(decision,
                    decision == CorsDecision.ORIGIN_NOT_ALLOWED ? originLines(origin, request, source) : origin,
                    requestedMethod, listedHeaders, headerVerdict,
                    privateNetworkRequested, response, sink);
        }
        return decision;
    }

    /**
     * The reason a refused pre-flight gets when every line is read: repeated {@code Origin} lines first, then
     * repeated {@code Access-Control-Request-Method} lines, as debug mode and {@code CorsPolicy.evaluate} judge.
     * {@link #preflight} itself looks for repeated lines only where they change the answer, so outside debug
     * mode a refusal for a later check may stand where a repeated line came first; whoever reports the
     * reason (listeners, metrics, the debug log) asks here, and the response, which is the same for every
     * refusal, does not change.
     *
     * @param decision what {@link #preflight} decided
     * @param request the request, for {@code source}
     * @param source tells whether a header came in several lines
     * @param <Q> the request type
     * @return the decision, or the refusal for the repeated line that comes first
     */
    public <Q> CorsDecision preflightRefusal(CorsDecision decision, Q request, RequestSource<Q> source) {
        if (decision.allowed() || debug || decision == CorsDecision.ORIGIN_NOT_ALLOWED) {
            return decision;
        }
        if (repeatedOrigin(request, source)) {
            return CorsDecision.ORIGIN_NOT_ALLOWED;
        }
        return source.isRepeated(request, REQUEST_METHOD) ? CorsDecision.METHOD_INVALID : decision;
    }

    /**
     * Whether a refused pre-flight is answered like an allowed one, with the headers that passed and the
     * reason, for developers: the policy's debug mode.
     *
     * @return true in debug mode
     */
    public boolean debug() {
        return debug;
    }

    /**
     * Tells why a refused request was refused, in words, for logs and explanations.
     *
     * @param decision the decision
     * @param origin the {@code Origin} value
     * @param method the {@code Access-Control-Request-Method} value, or null
     * @param requestHeaders the {@code Access-Control-Request-Headers} value, or null
     * @return one sentence
     */
    public String reason(CorsDecision decision, String origin, String method, String requestHeaders) {
        return switch (decision) {
            case NOT_CORS -> "no Origin header, so this is not a CORS request; the application answers it";
            case ACTUAL_ALLOWED -> "origin " + LogText.quote(origin) + " is allowed; the application answers";
            case PREFLIGHT_ALLOWED -> "origin " + LogText.quote(origin) + ", method " + LogText.quote(method)
                    + (requestHeaders == null || requestHeaders.isBlank() ? "" : " and headers " + LogText.quote(requestHeaders))
                    + " are allowed";
            case ORIGIN_NOT_ALLOWED -> "origin " + LogText.quote(origin) + " is not in allowed origins " + originsText
                    + "; origins are compared exactly, as browsers send them";
            case METHOD_INVALID -> "Access-Control-Request-Method " + LogText.quote(method) + " is not a method name";
            case METHOD_NOT_ALLOWED -> "method " + LogText.quote(method) + " is not in allowed methods "
                    + (anyMethod ? "[*] (which excludes CONNECT, TRACE and TRACK)" : methodsText)
                    + "; method names are case-sensitive";
            case HEADERS_INVALID -> "Access-Control-Request-Headers " + LogText.quote(requestHeaders)
                    + " is not a comma-separated list of header names";
            case HEADERS_TOO_LARGE -> "Access-Control-Request-Headers is longer than " + RequestHeaderList.MAX_LENGTH
                    + " characters or lists more than " + RequestHeaderList.MAX_ELEMENTS + " names";
            case HEADER_NOT_ALLOWED -> "header " + LogText.quote(RequestHeaderList.elementAt(requestHeaders,
                    RequestHeaderList.position(RequestHeaderList.check(requestHeaders, headers, anyHeader))))
                    + " is not in allowed headers " + headersText
                    + (anyHeader ? " (* covers every header but Authorization, which must be listed)" : "");
        };
    }

    /**
     * Tells whether an origin is allowed: by the configured origins and patterns, or else by the dynamic
     * check. Two {@code Origin} lines are never allowed, except by an any-origin policy, whose answer does
     * not depend on the origin.
     *
     * @param origin the {@code Origin} value, or null
     * @param request the request, for {@code source}
     * @param source tells whether {@code Origin} came in several lines, asked only for an allowed value
     * @param <Q> the request type
     * @return true when allowed
     */
    public <Q> boolean allowsOrigin(String origin, Q request, RequestSource<Q> source) {
        return matchesOrigin(origin) && !repeatedOrigin(request, source);
    }

    /**
     * The {@code Origin} to name in a refusal: every line, when there are several, since a request is refused
     * for sending two; so a reason never says that an allowed origin is not allowed, and a request built from
     * the named value is refused again.
     *
     * @param origin the first line
     * @param request the request, for {@code source}
     * @param source tells whether {@code Origin} came in several lines
     * @param <Q> the request type
     * @return the lines joined, or {@code origin}
     */
    public static <Q> String originLines(String origin, Q request, RequestSource<Q> source) {
        return source.isRepeated(request, ORIGIN) ? source.joined(request, ORIGIN) : origin;
    }

    /** Whether {@code Origin} came in several lines, which only an any-origin policy does not mind. */
    private <Q> boolean repeatedOrigin(Q request, RequestSource<Q> source) {
        return !anyOrigin && source.isRepeated(request, ORIGIN);
    }

    /** Whether one {@code Origin} value is allowed; an any-origin policy allows every request. */
    private boolean matchesOrigin(String origin) {
        return anyOrigin || (origin != null
                && (origins.matches(origin) || (dynamicOrigins != null && dynamicOrigins.allows(origin))));
    }

    /** A list-valued header whole: its first line, or all its lines joined when there are more. */
    private static <Q> String everyLine(String firstLine, Q request, RequestSource<Q> source) {
        return firstLine.length() <= RequestHeaderList.MAX_LENGTH && source.isRepeated(request, REQUEST_HEADERS)
                ? source.joined(request, REQUEST_HEADERS) : firstLine;
    }

    /** Checks a header list; a compact list accepted before is not read again. */
    private RequestHeaderList.Verdict checkHeaders(String requestHeaders) {
        if (acceptedHeaderLists.contains(requestHeaders)) {
            return RequestHeaderList.Verdict.ALLOWED;
        }
        RequestHeaderList.Verdict verdict =
                RequestHeaderList.verdict(RequestHeaderList.check(requestHeaders, headers, anyHeader));
        if (verdict == RequestHeaderList.Verdict.ALLOWED) {
            acceptedHeaderLists.add(requestHeaders);
        }
        return verdict;
    }

    /**
     * Whether responses depend on the request's {@code Origin}, and so must carry {@code Vary: Origin}.
     *
     * @return true unless the policy allows any origin
     */
    public boolean variesOnOrigin() {
        return !anyOrigin;
    }

    /**
     * Whether {@link #actual} writes the named header on an allowed response, so that nothing else may
     * change it.
     *
     * @param name a header name, any case, or null
     * @return true for {@code Access-Control-Allow-Origin}, and for {@code -Allow-Credentials},
     *     {@code -Expose-Headers} and {@code Timing-Allow-Origin} when the policy sends them
     */
    public boolean writesActualHeader(String name) {
        return ALLOW_ORIGIN.equalsIgnoreCase(name)
                || (credentialsValue != null && ALLOW_CREDENTIALS.equalsIgnoreCase(name))
                || (exposeValue != null && EXPOSE_HEADERS.equalsIgnoreCase(name))
                || (timingAllowOrigin && TIMING_ALLOW_ORIGIN.equalsIgnoreCase(name));
    }

    private boolean allowsMethod(String method) {
        return MethodNames.isSafelisted(method) || methods.contains(method)
                || (anyMethod && !MethodNames.isForbidden(method));
    }

    /**
     * Writes the headers of the pre-flight checks that passed. Checks run in the order of the Fetch
     * standard's CORS-preflight fetch (origin, then method, then headers), so a decision tells which passed.
     */
    private <R> void writePreflightHeaders(CorsDecision decision, String origin, String method, String requestHeaders,
                                           RequestHeaderList.Verdict headerVerdict, boolean privateNetworkRequested,
                                           R response, HeaderSink<R> sink) {
        if (decision != CorsDecision.PREFLIGHT_ALLOWED) {
            sink.set(response, DEBUG, reason(decision, origin, method, requestHeaders));
        }
        if (decision == CorsDecision.ORIGIN_NOT_ALLOWED) {
            return;
        }
        sink.set(response, ALLOW_ORIGIN, anyOrigin ? "*" : origin);
        if (credentialsValue != null) {
            sink.set(response, ALLOW_CREDENTIALS, credentialsValue);
        }
        if (decision == CorsDecision.METHOD_INVALID || decision == CorsDecision.METHOD_NOT_ALLOWED) {
            return;
        }
        sink.set(response, ALLOW_METHODS, method);
        if (headerVerdict == RequestHeaderList.Verdict.ALLOWED) {
            sink.set(response, ALLOW_HEADERS, requestHeaders);
        } else if (headerVerdict == RequestHeaderList.Verdict.ALLOWED_NOT_COMPACT) {
            sink.set(response, ALLOW_HEADERS, RequestHeaderList.compact(requestHeaders));
        }
        if (decision != CorsDecision.PREFLIGHT_ALLOWED) {
            return;
        }
        if (maxAgeValue != null) {
            sink.set(response, MAX_AGE, maxAgeValue);
        }
        if (privateNetwork && privateNetworkRequested) {
            sink.set(response, ALLOW_PRIVATE_NETWORK, "true");
        }
    }

    private <R> void writeActualHeaders(R response, HeaderSink<R> sink, String origin) {
        String allowOrigin = anyOrigin ? "*" : origin;
        sink.set(response, ALLOW_ORIGIN, allowOrigin);
        if (credentialsValue != null) {
            sink.set(response, ALLOW_CREDENTIALS, credentialsValue);
        }
        if (exposeValue != null) {
            sink.set(response, EXPOSE_HEADERS, exposeValue);
        }
        if (timingAllowOrigin) {
            sink.set(response, TIMING_ALLOW_ORIGIN, allowOrigin);
        }
    }

    /**
     * Adds the names the response does not vary on yet, as a {@code Vary} line of their own: the lines other
     * filters and the application wrote stay as they are, and a response that varies on {@code *} already
     * varies on everything. The usual response has no {@code Vary} yet, which one lookup tells; only a
     * response that has one is read line by line.
     */
    private static <R> void addVary(R response, HeaderSink<R> sink, String names) {
        if (sink.first(response, VARY) == null) {
            sink.add(response, VARY, names);
            return;
        }
        Iterable<String> lines = sink.values(response, VARY);
        if (VaryHeader.isWildcard(lines)) {
            return;
        }
        String missing = VaryHeader.missing(lines, names);
        if (missing != null) {
            sink.add(response, VARY, missing);
        }
    }

    /** The allowed origins for messages: the first ten, in configuration order. */
    private static String originsText(Settings settings) {
        List<String> names = new java.util.ArrayList<>();
        settings.origins().forEach(origin -> names.add(origin.toString()));
        if (settings.nullOrigin()) {
            names.add("null");
        }
        String text = names.size() <= 10 ? names.toString()
                : names.subList(0, 10).toString().replace("]", ", … " + (names.size() - 10) + " more]");
        return settings.dynamicOrigins() == null ? text : text + " or those the origin resolver allows";
    }

    private static Set<String> without(Set<String> set, String element) {
        Set<String> copy = new HashSet<>(set);
        copy.remove(element);
        return copy;
    }
}
