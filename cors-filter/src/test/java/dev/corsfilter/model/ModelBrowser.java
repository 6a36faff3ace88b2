package dev.corsfilter.model;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An executable model of the browser's side of the WHATWG Fetch standard's CORS protocol
 * (https://fetch.spec.whatwg.org/): given a page's origin and what its script passes to {@code fetch()},
 * it sends what a browser would send through a {@link Transport} and decides what script may see.
 *
 * <p>Modelled: the Request constructor's checks ({@link RequestConstructor}); main fetch's choice between
 * same-origin, no-cors, CORS and CORS-with-pre-flight (#main-fetch); the pre-flight and its cache
 * ({@link PreflightFetch}, {@link PreflightCache}); the CORS check on every response including redirects
 * (#http-fetch step 4.4, {@link CorsCheck}); redirects (#http-redirect-fetch) with method rewriting,
 * Authorization removal and origin tainting; credentials (#http-network-or-cache-fetch); and the filtered
 * response script reads ({@link ResponseHeaderRules}).
 *
 * <p>Not modelled: HTTP caches, service workers, CSP, mixed content, CORP/COEP, the network partition key,
 * Private/Local Network Access, TAO, and cookie attributes ({@link CookieJar}). One browser instance keeps
 * its pre-flight cache and cookies across fetches, like one browser profile; it is not thread-safe.
 */
public final class ModelBrowser {

    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final int REDIRECT_LIMIT = 20;

    private final PreflightCache cache;
    private final PreflightFetch preflightFetch;
    private final CookieJar cookies = new CookieJar();

    /** A Chromium on the system clock. */
    public ModelBrowser() {
        this(Clock.systemUTC());
    }

    /**
     * A Chromium whose pre-flight cache reads time from a clock.
     *
     * @param clock the clock
     */
    public ModelBrowser(Clock clock) {
        this(clock, EngineProfile.CHROMIUM);
    }

    /**
     * A browser of one engine whose pre-flight cache reads time from a clock.
     *
     * @param clock the clock
     * @param engine what the engine does differently, e.g. its cap on max-age
     */
    public ModelBrowser(Clock clock, EngineProfile engine) {
        this.cache = new PreflightCache(clock);
        this.preflightFetch = new PreflightFetch(cache, engine.preflightCacheCapSeconds());
    }

    /**
     * The browser's cookies, to give it a session before credentialed fetches.
     *
     * @return the cookie jar
     */
    public CookieJar cookies() {
        return cookies;
    }

    /**
     * How many live entries the pre-flight cache holds.
     *
     * @return the count
     */
    public int preflightCacheSize() {
        return cache.size();
    }

    /**
     * Runs {@code fetch(target, request)} from a page.
     *
     * @param target the absolute URL
     * @param pageOrigin the serialized origin of the page, e.g. {@code https://app.example.com}, or {@code null}
     * @param request what script passes
     * @param transport where requests go
     * @return what script sees, and the traffic
     */
    public ModelOutcome fetch(URI target, String pageOrigin, ModelRequest request, Transport transport) {
        RequestConstructor.Result constructed = RequestConstructor.create(target, Origin.parse(pageOrigin), request);
        if (constructed.failure() != null) {
            return new ModelOutcome(ModelOutcome.Kind.NETWORK_ERROR, constructed.failure(), false, 0, Set.of(), null,
                    false, target, false, List.of());
        }
        return new Run(constructed.request(), transport).fetch();
    }

    /** The state of one fetch: the request, the traffic so far, and where it goes. */
    private final class Run {

        private final FetchRequest request;
        private final Transport transport;
        private final List<Exchange> exchanges = new ArrayList<>();
        private boolean lastCredentialsIncluded;

        Run(FetchRequest request, Transport transport) {
            this.request = request;
            this.transport = transport;
        }

        ModelOutcome fetch() {
            Step result = mainFetch();
            if (result.error() != null) {
                return new ModelOutcome(ModelOutcome.Kind.NETWORK_ERROR, result.error(), result.inPreflight(), 0,
                        Set.of(), null, false, request.currentUrl(), lastCredentialsIncluded, List.copyOf(exchanges));
            }
            // #main-fetch step 14: the filtered response follows the request's (final) response tainting;
            // an opaque-redirect response (#concept-filtered-response-opaque-redirect) looks the same to script.
            if (result.opaqueRedirect() || request.tainting == FetchRequest.Tainting.OPAQUE) {
                return new ModelOutcome(ModelOutcome.Kind.OPAQUE, null, false, 0, Set.of(), null, false,
                        request.currentUrl(), lastCredentialsIncluded, List.copyOf(exchanges));
            }
            WireResponse response = result.response();
            Set<String> readable = request.tainting == FetchRequest.Tainting.BASIC
                    ? ResponseHeaderRules.readableOnBasic(response.headers())
                    : ResponseHeaderRules.readableOnCors(response.headers(), request.credentialsInclude());
            return new ModelOutcome(ModelOutcome.Kind.RESPONSE, null, false, response.status(), readable,
                    response.body(), request.urlList.size() > 1, request.currentUrl(), lastCredentialsIncluded,
                    List.copyOf(exchanges));
        }

        /** #main-fetch step 12 (run again, recursively, after each redirect). */
        private Step mainFetch() {
            URI url = request.currentUrl();
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Step.error(CorsRule.NOT_HTTP_SCHEME, false);
            }
            if (Origin.of(url).sameOrigin(request.origin) && request.tainting == FetchRequest.Tainting.BASIC) {
                // Same origin, and no redirect has made this a CORS request yet: no CORS at all.
                return httpFetch(false);
            }
            if (request.mode == ModelRequest.Mode.SAME_ORIGIN) {
                return Step.error(CorsRule.SAME_ORIGIN_MODE, false);
            }
            if (request.mode == ModelRequest.Mode.NO_CORS) {
                if (request.redirect != ModelRequest.Redirect.FOLLOW) {
                    return Step.error(CorsRule.NO_CORS_WITHOUT_FOLLOW, false);
                }
                request.tainting = FetchRequest.Tainting.OPAQUE;
                return httpFetch(false);
            }
            request.tainting = FetchRequest.Tainting.CORS;
            boolean preflightBranch = request.useCorsPreflight || request.unsafeRequest
                    && (!Methods.isSafelisted(request.method) || !RequestHeaderRules.unsafeNames(request.headers).isEmpty());
            if (!preflightBranch) {
                return httpFetch(false);
            }
            Step result = httpFetch(true);
            if (result.error() != null) {
                // #main-fetch 12, CORS-with-pre-flight branch: a failure clears what the cache knew.
                cache.clear(request.serializedOrigin(), request.currentUrl());
            }
            return result;
        }

        /** #http-fetch: pre-flight if needed, send, CORS check, then redirects. */
        private Step httpFetch(boolean makePreflight) {
            if (makePreflight && preflightNeeded()) {
                Optional<CorsRule> preflight = preflightFetch.run(request, this::sendRecorded);
                if (preflight.isPresent()) {
                    return Step.error(preflight.get(), true);
                }
            }
            WireResponse response;
            try {
                response = networkOrCacheFetch();
            } catch (IOException e) {
                return Step.error(CorsRule.TRANSPORT_FAILED, false);
            }
            // #http-fetch step 4.4: the CORS check runs on whatever came back, a 3xx included.
            if (request.tainting == FetchRequest.Tainting.CORS) {
                Optional<CorsRule> check = CorsCheck.check(request.serializedOrigin(), request.credentialsInclude(),
                        response.headers());
                if (check.isPresent()) {
                    return Step.error(check.get(), false);
                }
            }
            // #http-fetch step 6: what a redirect status means depends on the redirect mode.
            if (!REDIRECT_STATUSES.contains(response.status())) {
                return Step.of(response);
            }
            return switch (request.redirect) {
                case ERROR -> Step.error(CorsRule.REDIRECT_MODE_ERROR, false);
                case MANUAL -> Step.opaqueRedirect(response);
                case FOLLOW -> redirectFetch(response);
            };
        }

        /**
         * #http-fetch step 4.1: pre-flight unless the cache has the method (when it needs one) and every
         * CORS-unsafe header name.
         */
        private boolean preflightNeeded() {
            String origin = request.serializedOrigin();
            URI url = request.currentUrl();
            boolean include = request.credentialsInclude();
            boolean methodNeedsOne = !Methods.isSafelisted(request.method) || request.useCorsPreflight;
            if (methodNeedsOne && !cache.methodMatch(origin, url, include, request.method)) {
                return true;
            }
            return RequestHeaderRules.unsafeNames(request.headers).stream()
                    .anyMatch(name -> !cache.headerMatch(origin, url, include, name));
        }

        /**
         * #http-network-or-cache-fetch, the parts that shape the request: credentials and {@code Origin}.
         * The model has no HTTP cache, so this is the network fetch.
         */
        private WireResponse networkOrCacheFetch() throws IOException {
            // Step 8.3: credentials for include, or for same-origin while the tainting is basic.
            boolean includeCredentials = request.credentials == ModelRequest.Credentials.INCLUDE
                    || request.credentials == ModelRequest.Credentials.SAME_ORIGIN
                    && request.tainting == FetchRequest.Tainting.BASIC;
            HeaderList headers = request.headers;
            String origin = originHeader();
            if (origin != null) {
                headers = headers.with("Origin", origin);
            }
            URI url = request.currentUrl();
            String cookie = includeCredentials ? cookies.cookieHeader(url) : null;
            if (cookie != null) {
                headers = headers.with("Cookie", cookie);
            }
            lastCredentialsIncluded = includeCredentials;
            WireResponse response = sendRecorded(new WireRequest(request.method, url, headers, request.body, false));
            // #http-network-fetch step 15: Set-Cookie is only processed when credentials were included.
            if (includeCredentials) {
                response.headers().values("Set-Cookie").forEach(value -> cookies.store(url, value));
            }
            return response;
        }

        /**
         * #append-a-request-origin-header: always for CORS requests; for others only when the method is
         * neither GET nor HEAD, as {@code null} for a no-cors request from an https page to an http URL
         * (the default referrer policy, strict-origin-when-cross-origin).
         */
        private String originHeader() {
            String serialized = request.serializedOrigin();
            if (request.tainting == FetchRequest.Tainting.CORS) {
                return serialized;
            }
            if (request.method.equals("GET") || request.method.equals("HEAD")) {
                return null;
            }
            if (request.mode != ModelRequest.Mode.CORS && "https".equals(request.origin.scheme())
                    && !"https".equalsIgnoreCase(request.currentUrl().getScheme())) {
                return "null";
            }
            return serialized;
        }

        /** #http-redirect-fetch. */
        private Step redirectFetch(WireResponse response) {
            List<String> locations = response.headers().values("Location");
            // Step 4: no Location, no redirect: script gets the 3xx itself.
            if (locations.isEmpty()) {
                return Step.of(response);
            }
            URI location;
            try {
                // The Location grammar allows one value only; a relative value resolves against the current URL.
                if (locations.size() > 1) {
                    throw new IllegalArgumentException("several Location values");
                }
                location = request.currentUrl().resolve(HttpSyntax.trimOws(locations.get(0)));
            } catch (IllegalArgumentException e) {
                return Step.error(CorsRule.REDIRECT_LOCATION_INVALID, false);
            }
            String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || location.getHost() == null) {
                return Step.error(CorsRule.REDIRECT_NOT_HTTP, false);
            }
            if (request.redirectCount == REDIRECT_LIMIT) {
                return Step.error(CorsRule.REDIRECT_LIMIT, false);
            }
            request.redirectCount++;
            // Steps 9-10: user info in the Location of a CORS request.
            boolean userInfo = location.getRawUserInfo() != null;
            if (userInfo && (request.mode == ModelRequest.Mode.CORS && !request.origin.sameOrigin(Origin.of(location))
                    || request.tainting == FetchRequest.Tainting.CORS)) {
                return Step.error(CorsRule.REDIRECT_WITH_CREDENTIALS, false);
            }
            // Step 12: 301/302 turn POST into GET, 303 turns anything but GET/HEAD into GET; the body and
            // its headers go.
            int status = response.status();
            if ((status == 301 || status == 302) && request.method.equals("POST")
                    || status == 303 && !request.method.equals("GET") && !request.method.equals("HEAD")) {
                request.method = "GET";
                request.body = null;
                for (HeaderList.Header header : request.headers.all()) {
                    if (RequestHeaderRules.isRequestBodyHeaderName(header.name())) {
                        request.headers = request.headers.without(header.name());
                    }
                }
            }
            // Step 13: Authorization does not follow a hop to another origin.
            if (!Origin.of(request.currentUrl()).sameOrigin(Origin.of(location))) {
                request.headers = request.headers.without("Authorization");
            }
            // Steps 18-22: the new URL joins the URL list and main fetch runs again, so the tainting, the
            // pre-flight and the (possibly tainted) Origin are decided afresh.
            request.urlList.add(location);
            return mainFetch();
        }

        private WireResponse sendRecorded(WireRequest wire) throws IOException {
            WireResponse response = null;
            try {
                response = transport.send(wire);
                return response;
            } finally {
                exchanges.add(new Exchange(wire, response));
            }
        }
    }

    /** What one step of the algorithm produced: a response, an opaque redirect, or a network error. */
    private record Step(WireResponse response, boolean opaqueRedirect, CorsRule error, boolean inPreflight) {

        static Step of(WireResponse response) {
            return new Step(response, false, null, false);
        }

        static Step opaqueRedirect(WireResponse response) {
            return new Step(response, true, null, false);
        }

        static Step error(CorsRule rule, boolean inPreflight) {
            return new Step(null, false, rule, inPreflight);
        }
    }
}
