package dev.corsfilter.model;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Fetch's CORS-preflight fetch (#cors-preflight-fetch-0): sends the {@code OPTIONS} request that asks
 * whether the actual request may be made, judges the answer, and stores what it allows in the
 * {@link PreflightCache}.
 */
final class PreflightFetch {

    /** #cors-preflight-fetch-0 step 7.9: a missing or unparsable max-age means five seconds. */
    static final long DEFAULT_MAX_AGE_SECONDS = 5;

    private final PreflightCache cache;
    private final long maxAgeLimitSeconds;

    PreflightFetch(PreflightCache cache, long maxAgeLimitSeconds) {
        this.cache = cache;
        this.maxAgeLimitSeconds = maxAgeLimitSeconds;
    }

    /**
     * Builds the pre-flight request for an actual request (steps 1-5).
     *
     * <ul>
     *   <li>{@code OPTIONS} to the same URL, with {@code Accept: *}{@code /*} and
     *       {@code Access-Control-Request-Method} holding the normalized method, case kept;</li>
     *   <li>{@code Access-Control-Request-Headers}: the CORS-unsafe request-header names, lower-cased,
     *       sorted, unique, joined by {@code ,} without spaces (step 5 deliberately does not "combine"),
     *       and only when there is at least one;</li>
     *   <li>{@code Origin}, appended by HTTP-network-or-cache fetch because the pre-flight's tainting is
     *       cors (#append-a-request-origin-header); no cookies, because its credentials mode is the
     *       default same-origin and its tainting is cors (#http-network-or-cache-fetch, includeCredentials).</li>
     * </ul>
     */
    static WireRequest preflightRequest(FetchRequest request) {
        HeaderList headers = HeaderList.of("Accept", "*/*", "Access-Control-Request-Method", request.method);
        List<String> unsafeNames = RequestHeaderRules.unsafeNames(request.headers);
        if (!unsafeNames.isEmpty()) {
            headers = headers.with("Access-Control-Request-Headers", String.join(",", unsafeNames));
        }
        headers = headers.with("Origin", request.serializedOrigin());
        return new WireRequest("OPTIONS", request.currentUrl(), headers, null, true);
    }

    /**
     * Sends the pre-flight and checks its response (steps 6-16).
     *
     * @param request the actual request
     * @param transport where to send it
     * @return empty when the actual request may go ahead, else the rule that failed
     */
    Optional<CorsRule> run(FetchRequest request, Transport transport) {
        WireResponse response;
        try {
            response = transport.send(preflightRequest(request));
        } catch (IOException e) {
            return Optional.of(CorsRule.TRANSPORT_FAILED);
        }
        // Step 7: the CORS check runs with the *actual* request's credentials mode (so ACAC: true is needed
        // on the pre-flight of a credentialed request, which itself carries no credentials), and the
        // status must be an ok status (#ok-status, 200-299): 3xx, 304, 403 all fail; redirects are never
        // followed, because HTTP-network-or-cache fetch does not follow them.
        Optional<CorsRule> cors = CorsCheck.check(request.serializedOrigin(), request.credentialsInclude(),
                response.headers());
        if (cors.isPresent()) {
            return cors;
        }
        if (response.status() < 200 || response.status() > 299) {
            return Optional.of(CorsRule.PREFLIGHT_STATUS_NOT_OK);
        }
        // Steps 7.1-7.3: #method and #field-name lists; a parse failure is a network error.
        HttpSyntax.Extracted methodsExtracted = HttpSyntax.tokenList(response.headers(), "Access-Control-Allow-Methods");
        HttpSyntax.Extracted namesExtracted = HttpSyntax.tokenList(response.headers(), "Access-Control-Allow-Headers");
        if (methodsExtracted.failed() || namesExtracted.failed()) {
            return Optional.of(CorsRule.PREFLIGHT_LIST_UNPARSABLE);
        }
        List<String> methods = methodsExtracted.absent() ? List.of() : methodsExtracted.values();
        List<String> headerNames = namesExtracted.absent() ? List.of() : namesExtracted.values();
        // Step 7.4: a pre-flight forced by the use-CORS-preflight flag needs no ACAM for its own method.
        if (methodsExtracted.absent() && request.useCorsPreflight) {
            methods = List.of(request.method);
        }
        boolean include = request.credentialsInclude();
        // Step 7.5: the method must be in ACAM byte for byte (PATCH is not patch), unless safelisted; *
        // is a wildcard only when the credentials mode is not include.
        if (!methods.contains(request.method) && !Methods.isSafelisted(request.method)
                && (include || !methods.contains("*"))) {
            return Optional.of(CorsRule.METHOD_NOT_ALLOWED);
        }
        // Step 7.6: Authorization (#cors-non-wildcard-request-header-name) must be listed by name, even
        // next to a *.
        for (String name : request.headers.names()) {
            if (RequestHeaderRules.isNonWildcardName(name) && !containsIgnoreCase(headerNames, name)) {
                return Optional.of(CorsRule.AUTHORIZATION_NOT_ALLOWED);
            }
        }
        // Step 7.7: every CORS-unsafe name must be in ACAH, ignoring case; * covers names only without
        // credentials.
        for (String unsafeName : RequestHeaderRules.unsafeNames(request.headers)) {
            if (!containsIgnoreCase(headerNames, unsafeName) && (include || !headerNames.contains("*"))) {
                return Optional.of(CorsRule.HEADER_NOT_ALLOWED);
            }
        }
        // Steps 7.8-7.15: cache what was allowed, for max-age seconds (5 when missing or invalid, capped
        // at the engine's limit, EngineProfile: Chromium 7200, Firefox 86400, WebKit 600).
        cache.store(request.serializedOrigin(), request.currentUrl(), include, maxAge(response.headers()), methods,
                headerNames);
        return Optional.empty();
    }

    private long maxAge(HeaderList headers) {
        HttpSyntax.Extracted extracted = HttpSyntax.deltaSeconds(headers, "Access-Control-Max-Age");
        if (extracted.absent() || extracted.failed()) {
            return Math.min(DEFAULT_MAX_AGE_SECONDS, maxAgeLimitSeconds);
        }
        BigInteger seconds = new BigInteger(extracted.values().get(0));
        return seconds.min(BigInteger.valueOf(maxAgeLimitSeconds)).longValueExact();
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        return names.stream().anyMatch(candidate -> candidate.equalsIgnoreCase(name));
    }
}
