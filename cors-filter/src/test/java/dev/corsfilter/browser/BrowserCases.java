package dev.corsfilter.browser;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;

import java.time.Duration;
import java.util.List;

import static dev.corsfilter.browser.BrowserCase.Request.of;
import static dev.corsfilter.browser.Expected.networkError;
import static dev.corsfilter.browser.Expected.opaque;
import static dev.corsfilter.browser.Expected.response;

/**
 * The browser conformance matrix as data: the policies, the cases with the outcome the WHATWG Fetch
 * standard requires (section anchors of https://fetch.spec.whatwg.org/), and the servers to run them on.
 * The tests in this package run the cases in Chromium; anything else (e.g. a model of the browser) can run
 * the same cases from {@link #all()} and {@link #policy(String, String)}.
 *
 * <p>Abbreviations in the citations: ACAO {@code Access-Control-Allow-Origin}, ACAC {@code -Allow-Credentials},
 * ACAM {@code -Allow-Methods}, ACAH {@code -Allow-Headers}, ACEH {@code -Expose-Headers}, ACMA
 * {@code -Max-Age}, ACRM / ACRH {@code Access-Control-Request-Method / -Headers}.
 */
public final class BrowserCases {

    /**
     * Credentialed API for one front end: methods PUT, DELETE, PATCH, OPTIONS; headers Content-Type,
     * X-Request-Id, Authorization; exposes X-Request-Id; max age 600 s.
     */
    public static final String CRED = "cred";
    /** Public API: any origin, method PUT, header X-Request-Id, exposes {@code *}, max age 0, no credentials. */
    public static final String PUBLIC = "public";
    /** One front end, headers {@code *}, exposes X-Request-Id, no credentials, no max age (browser default). */
    public static final String STAR = "star";
    /** One front end, headers {@code *}, with credentials: the filter must echo names instead of {@code *}. */
    public static final String STAR_CRED = "star-cred";
    /** One front end, headers {@code *} plus Authorization, no credentials. */
    public static final String STAR_AUTH = "star-auth";

    /**
     * Per-path policies in one filter: {@code /paths/public/*} allows any origin, {@code /paths/api/*} only the
     * page, with credentials; {@code /paths/private/*} has no policy.
     */
    public static final String PATHS = "paths";
    /** One front end, header Content-Type only, in debug mode: refusals are explained, never relaxed. */
    public static final String DEBUG = "debug";

    /** Every policy id, each protecting {@code /<id>/*} of the API. */
    public static final List<String> POLICIES = List.of(CRED, PUBLIC, STAR, STAR_CRED, STAR_AUTH, PATHS, DEBUG);

    private static final String JSON = "application/json";
    /** An {@code Accept} value of only safe bytes but longer than 128 bytes, so no longer safelisted. */
    private static final String LONG_ACCEPT = "text/plain, ".repeat(11) + "*/*";

    private static final List<BrowserCase> CASES = List.of(
            // --- cred: simple requests -------------------------------------------------------------
            allowed(CRED, "simple-get", of("GET", "echo"),
                    response(200).readable("content-type").preflights(0).cookieSent(false).body("\"GET\"")
                            .because("Fetch §cors-safelisted-method: GET needs no pre-flight; §cors-check:"
                                    + " ACAO equals the page's origin, so the response is shared")),
            allowed(CRED, "simple-head", of("HEAD", "echo"),
                    response(200).preflights(0).appReached(true)
                            .because("Fetch §cors-safelisted-method: HEAD needs no pre-flight; §cors-check"
                                    + " passes on ACAO = origin")),
            allowed(CRED, "simple-post-text-plain",
                    of("POST", "echo").header("Content-Type", "text/plain;charset=UTF-8").body("hello"),
                    response(200).preflights(0).body("\"POST\"")
                            .because("Fetch §cors-safelisted-request-header: Content-Type essence text/plain"
                                    + " is safelisted, POST is a safelisted method: no pre-flight")),
            allowed(CRED, "simple-post-form",
                    of("POST", "echo").header("Content-Type", "application/x-www-form-urlencoded").body("a=1"),
                    response(200).preflights(0).body("\"POST\"")
                            .because("Fetch §cors-safelisted-request-header: application/x-www-form-urlencoded"
                                    + " is safelisted: no pre-flight")),
            allowed(CRED, "accept-over-128-bytes", of("GET", "echo").header("Accept", LONG_ACCEPT),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-safelisted-request-header: a value over 128 bytes is not"
                                    + " safelisted, so ACRH lists accept, which the policy does not allow")),
            // --- cred: pre-flighted methods ---------------------------------------------------------
            allowed(CRED, "put-allowed", of("PUT", "echo"),
                    response(200).preflights(1).body("\"PUT\"")
                            .because("Fetch §cors-preflight-fetch: PUT is not safelisted; the pre-flight"
                                    + " answer (ok status, ACAO, ACAM PUT) lets the actual PUT through")),
            allowed(CRED, "put-lower-case-normalized", of("put", "echo"),
                    response(200).preflights(1).body("\"PUT\"")
                            .because("Fetch §concept-method-normalize upper-cases put to PUT (it does so for"
                                    + " DELETE GET HEAD OPTIONS POST PUT only), so ACRM is PUT")),
            allowed(CRED, "delete-allowed", of("DELETE", "echo"),
                    response(200).preflights(1).body("\"DELETE\"")
                            .because("Fetch §cors-preflight-fetch: DELETE is in ACAM, so the pre-flight passes")),
            allowed(CRED, "patch-upper-case", of("PATCH", "echo"),
                    response(200).preflights(1).body("\"PATCH\"")
                            .because("Fetch §cors-preflight-fetch: ACAM contains PATCH byte for byte")),
            allowed(CRED, "patch-lower-case", of("patch", "echo"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §concept-method-normalize keeps patch lower-case; methods are"
                                    + " compared byte-case-sensitively (§cors-preflight-fetch 7.5), PATCH is not"
                                    + " patch, and a 403 is not an ok status")),
            allowed(CRED, "method-not-allowed", of("PURGE", "echo"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-preflight-fetch: PURGE is not in ACAM (and a refused"
                                    + " pre-flight has no ok status): network error, PURGE is never sent")),
            allowed(CRED, "options-reaches-app", of("OPTIONS", "echo"),
                    response(200).preflights(1).appReached(true).body("\"OPTIONS\"")
                            .because("Fetch §cors-safelisted-method: OPTIONS is not safelisted, so a pre-flight"
                                    + " with ACRM OPTIONS comes first; the actual OPTIONS has no ACRM, is an"
                                    + " ordinary CORS request the application answers, and is shared")),
            // --- cred: request headers --------------------------------------------------------------
            allowed(CRED, "custom-header-allowed", of("GET", "echo").header("X-Request-Id", "abc"),
                    response(200).preflights(1)
                            .because("Fetch §cors-unsafe-request-header-names: x-request-id needs a pre-flight;"
                                    + " ACAH lists it (names match case-insensitively)")),
            allowed(CRED, "custom-header-refused", of("GET", "echo").header("X-Trace-Id", "abc"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-preflight-fetch 7.7: x-trace-id is not in ACAH: network error")),
            allowed(CRED, "json-content-type", of("POST", "echo").header("Content-Type", JSON).body("{}"),
                    response(200).preflights(1).body("\"POST\"")
                            .because("Fetch §cors-safelisted-request-header: application/json is not a"
                                    + " safelisted essence, so ACRH has content-type, which the policy allows")),
            allowed(CRED, "one-of-three-headers-refused",
                    of("PUT", "echo").header("X-Request-Id", "abc").header("Content-Type", JSON)
                            .header("X-Trace-Id", "abc").body("{}"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-preflight-fetch 7.7: every name of ACRH must be allowed;"
                                    + " x-trace-id is not, so the whole pre-flight fails")),
            allowed(CRED, "authorization-listed-with-credentials",
                    of("GET", "echo").header("Authorization", "Bearer t0ken").credentials("include"),
                    response(200).preflights(1).cookieSent(true)
                            .because("Fetch §cors-non-wildcard-request-header-name: Authorization passes only"
                                    + " when ACAH names it; the policy lists it, and ACAO/ACAC suit credentials")),
            // --- cred: credentials --------------------------------------------------------------------
            allowed(CRED, "credentials-include-cookie", of("GET", "echo").credentials("include"),
                    response(200).preflights(0).cookieSent(true).body("sid=browser-proof")
                            .readable("x-request-id").hidden("x-secret")
                            .because("Fetch §cors-check: with credentials include, ACAO = origin and ACAC"
                                    + " exactly true pass; the cookie goes with the request")),
            allowed(CRED, "credentials-omit", of("GET", "echo").credentials("omit"),
                    response(200).cookieSent(false).body("\"cookie\":null")
                            .because("Fetch §concept-request-credentials-mode: omit never sends cookies")),
            allowed(CRED, "credentials-same-origin-default", of("GET", "echo"),
                    response(200).cookieSent(false)
                            .because("Fetch §concept-request-credentials-mode: the default same-origin sends"
                                    + " no cookie to another origin")),
            allowed(CRED, "credentials-include-preflighted",
                    of("PUT", "echo").header("X-Request-Id", "abc").credentials("include"),
                    response(200).preflights(1).cookieSent(true).body("sid=browser-proof")
                            .because("Fetch §cors-preflight-fetch: the pre-flight carries no cookie and must"
                                    + " have ACAC true; the actual PUT then carries the cookie")),
            // --- cred: exposed response headers -------------------------------------------------------
            allowed(CRED, "exposed-listed-only", of("GET", "echo"),
                    response(200).readable("x-request-id", "content-type").hidden("x-secret")
                            .because("Fetch §main-fetch (CORS-exposed header-name list): script reads the"
                                    + " safelisted response headers plus ACEH names, nothing else")),
            // --- cred: what the application answers ---------------------------------------------------
            allowed(CRED, "security-filter-401", of("GET", "echo?token=missing"),
                    response(401).preflights(0).appReached(false)
                            .because("Fetch §cors-check ignores the status: with ACAO on the 401, script reads"
                                    + " it instead of a network error")),
            allowed(CRED, "send-error-404", of("GET", "not-found"),
                    response(404)
                            .because("Fetch §cors-check ignores the status: the container's 404 page carries"
                                    + " ACAO, so script reads 404")),
            allowed(CRED, "exception-500", of("GET", "boom"),
                    response(500)
                            .because("Fetch §cors-check ignores the status: the 500 for a thrown exception"
                                    + " carries ACAO, so script reads 500")),
            allowed(CRED, "redirect-302", of("GET", "redirect"),
                    response(200).redirected(true).body("\"GET\"")
                            .because("Fetch §http-fetch runs the CORS check on the 302 itself before"
                                    + " §http-redirect-fetch follows it; a same-origin hop keeps the Origin")),
            allowed(CRED, "redirect-307-preflighted-put", of("PUT", "redirect-307"),
                    response(200).redirected(true).preflights(2).body("\"PUT\"")
                            .because("Fetch §http-redirect-fetch keeps PUT on a 307 and main fetch pre-flights"
                                    + " the new URL again; both pre-flights and both responses pass")),
            allowed(CRED, "redirect-cross-origin-taints-origin", of("GET", "redirect-cross-origin"),
                    networkError().appReached(true)
                            .because("Fetch §http-redirect-fetch: a hop to another origin sets the tainted-origin"
                                    + " flag, the next request says Origin: null, and null is never allowed")),
            allowed(CRED, "streamed", of("GET", "stream"),
                    response(200).body("first chunk, second chunk")
                            .because("Fetch §cors-check reads only headers: a response committed early by"
                                    + " streaming is shared when its headers carry ACAO")),
            allowed(CRED, "async", of("GET", "async"),
                    response(200).body("async body")
                            .because("Fetch §cors-check: the asynchronously written response carries ACAO")),
            // --- cred: pre-flight cache ---------------------------------------------------------------
            allowed(CRED, "max-age-600-caches", of("PUT", "echo").repeat(2),
                    response(200).preflights(1)
                            .because("Fetch §cors-preflight-cache: ACMA 600 stores a cache entry for this"
                                    + " origin, URL and method, so the second PUT is sent without pre-flight")),
            // --- cred: an origin the policy does not allow ----------------------------------------------
            other(CRED, "other-origin-get", of("GET", "echo"),
                    networkError().preflights(0).appReached(true)
                            .because("Fetch §cors-check: no ACAO for this origin, network error; the simple GET"
                                    + " itself was still sent (§cors-protocol-and-credentials note)")),
            other(CRED, "other-origin-put", of("PUT", "echo"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-preflight-fetch: the 403 pre-flight without ACAO fails the"
                                    + " CORS check, so the PUT is never sent")),
            other(CRED, "other-origin-no-cors", of("GET", "echo").mode("no-cors"),
                    opaque().appReached(true)
                            .because("Fetch §concept-filtered-response-opaque: a no-cors fetch makes no CORS"
                                    + " check and gives script an opaque response, status 0")),
            // --- public: any origin, expose * -------------------------------------------------------
            other(PUBLIC, "any-origin-get", of("GET", "echo"),
                    response(200).readable("x-request-id", "x-secret")
                            .because("Fetch §cors-check: ACAO * passes without credentials; §main-fetch: ACEH"
                                    + " * exposes every header name when credentials mode is not include")),
            other(PUBLIC, "expose-star-never-set-cookie", of("GET", "set-cookie"),
                    response(200).readable("x-secret").hidden("set-cookie")
                            .because("Fetch §forbidden-response-header-name: Set-Cookie is filtered from every"
                                    + " response script sees, even with ACEH *")),
            allowed(PUBLIC, "any-origin-credentials-include", of("GET", "echo").credentials("include"),
                    networkError().cookieSent(true).appReached(true)
                            .because("Fetch §cors-check: * succeeds only when credentials mode is not include"
                                    + " (step 3), else ACAO must equal the origin (step 4); the cookie was sent")),
            other(PUBLIC, "any-origin-put", of("PUT", "echo"),
                    response(200).preflights(1).body("\"PUT\"")
                            .because("Fetch §cors-preflight-fetch: ACAO * and ACAM PUT pass for any origin"
                                    + " without credentials")),
            other(PUBLIC, "any-origin-custom-header", of("GET", "echo").header("X-Request-Id", "abc"),
                    response(200).preflights(1)
                            .because("Fetch §cors-preflight-fetch 7.7: x-request-id is in ACAH")),
            other(PUBLIC, "json-content-type-not-allowed", of("POST", "echo").header("Content-Type", JSON).body("{}"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-safelisted-request-header: application/json puts content-type"
                                    + " in ACRH, and this policy allows only x-request-id")),
            other(PUBLIC, "options-not-allowed", of("OPTIONS", "echo"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-preflight-fetch: OPTIONS is not safelisted and not in this"
                                    + " policy's methods: the pre-flight fails")),
            allowed(PUBLIC, "max-age-0-preflights-every-time", of("PUT", "echo").repeat(2),
                    response(200).preflights(2)
                            .because("Fetch §cors-preflight-fetch 7.8-7.10: ACMA 0 makes no usable cache"
                                    + " entry, so each PUT is pre-flighted")),
            // --- star: headers * without credentials -----------------------------------------------
            allowed(STAR, "wildcard-headers-custom", of("GET", "echo").header("X-Anything", "1"),
                    response(200).preflights(1)
                            .because("Fetch §cors-preflight-fetch 7.7: any header name is allowed by a"
                                    + " wildcard or an echo without credentials")),
            allowed(STAR, "wildcard-headers-json-and-two-custom",
                    of("POST", "echo").header("Content-Type", JSON).header("X-One", "1").header("X-Two", "2").body("{}"),
                    response(200).preflights(1).body("\"POST\"")
                            .because("Fetch §cors-preflight-fetch 7.7: content-type, x-one and x-two all allowed")),
            allowed(STAR, "wildcard-headers-authorization", of("GET", "echo").header("Authorization", "Bearer t0ken"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-non-wildcard-request-header-name: ACAH * never covers"
                                    + " Authorization, it must be listed")),
            allowed(STAR, "default-max-age-5s", of("GET", "echo").header("X-Anything", "1").repeat(2),
                    response(200).preflights(1)
                            .because("Fetch §cors-preflight-fetch 7.8: without ACMA an entry lives 5 seconds,"
                                    + " so the second call right after the first needs no pre-flight")),
            allowed(STAR, "wildcard-headers-exposed", of("GET", "echo"),
                    response(200).readable("x-request-id").hidden("x-secret")
                            .because("Fetch §main-fetch: only ACEH names (x-request-id) are exposed")),
            // --- star-cred: headers * with credentials ----------------------------------------------
            allowed(STAR_CRED, "wildcard-headers-with-credentials",
                    of("GET", "echo").header("X-Anything", "1").credentials("include"),
                    response(200).preflights(1).cookieSent(true)
                            .because("Fetch §cors-preflight-fetch 7.6-7.7: with credentials include ACAH * is a"
                                    + " literal name; only the echoed name x-anything lets this pass")),
            allowed(STAR_CRED, "wildcard-headers-with-credentials-authorization",
                    of("GET", "echo").header("Authorization", "Bearer t0ken").credentials("include"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-non-wildcard-request-header-name: Authorization is not"
                                    + " covered by headers * and is not listed")),
            allowed(STAR_CRED, "credentials-include-simple", of("GET", "echo").credentials("include"),
                    response(200).preflights(0).cookieSent(true).readable("x-request-id")
                            .because("Fetch §cors-check: ACAO = origin and ACAC true pass with credentials")),
            // --- star-auth: headers * and Authorization -----------------------------------------------
            allowed(STAR_AUTH, "authorization-listed-beside-wildcard",
                    of("GET", "echo").header("Authorization", "Bearer t0ken"),
                    response(200).preflights(1)
                            .because("Fetch §cors-non-wildcard-request-header-name: ACAH names authorization")),
            allowed(STAR_AUTH, "authorization-and-custom",
                    of("GET", "echo").header("Authorization", "Bearer t0ken").header("X-Anything", "1"),
                    response(200).preflights(1)
                            .because("Fetch §cors-preflight-fetch 7.7: authorization (listed) and x-anything"
                                    + " (wildcard) are both allowed")),
            // --- paths: per-path policies in one filter ----------------------------------------------
            other(PATHS, "paths-public-from-other-origin", of("GET", "public/echo"),
                    response(200).preflights(0).body("\"GET\"")
                            .because("Fetch §cors-check: /paths/public/* answers ACAO *, which passes for any"
                                    + " origin without credentials")),
            other(PATHS, "paths-api-from-other-origin", of("GET", "api/echo"),
                    networkError().preflights(0).appReached(true)
                            .because("Fetch §cors-check: the /paths/api/* policy does not list this origin, so"
                                    + " no ACAO, network error")),
            allowed(PATHS, "paths-api-credentialed", of("GET", "api/echo").credentials("include"),
                    response(200).preflights(0).cookieSent(true).body("sid=browser-proof")
                            .because("Fetch §cors-check: /paths/api/* answers ACAO = origin and ACAC true, so a"
                                    + " credentialed response is shared")),
            allowed(PATHS, "paths-unmapped-path", of("GET", "private/echo"),
                    networkError().preflights(0).appReached(true)
                            .because("Fetch §cors-check: no policy covers /paths/private/*, so no ACAO even for"
                                    + " the page's origin: network error")),
            // --- debug: refusals explained, not relaxed ------------------------------------------------
            allowed(DEBUG, "debug-refused-header-still-fails", of("GET", "echo").header("X-Trace-Id", "t-1"),
                    networkError().preflights(1).appReached(false)
                            .because("Fetch §cors-preflight-fetch: debug mode answers 204 with ACAO but ACAH"
                                    + " lacks x-trace-id, so the pre-flight still fails")),
            allowed(DEBUG, "debug-allowed-header", of("POST", "echo").header("Content-Type", JSON).body("{}"),
                    response(200).preflights(1).body("\"POST\"")
                            .because("Fetch §cors-preflight-fetch: content-type is in ACAH, so debug mode"
                                    + " changes nothing for an allowed request"))
    );

    private BrowserCases() {
    }

    /**
     * Every case of the matrix.
     *
     * @return an immutable list, names unique per policy
     */
    public static List<BrowserCase> all() {
        return CASES;
    }

    /**
     * The cases the container tests repeat: every case of the credentialed policy (simple, pre-flighted and
     * refused requests, credentials, error statuses, redirect, streaming, async, pre-flight cache). Their
     * {@code web.xml} and Tomcat registrations configure that same policy.
     *
     * @return an immutable list
     */
    public static List<BrowserCase> containerSubset() {
        return CASES.stream().filter(browserCase -> browserCase.policy().equals(CRED)).toList();
    }

    /**
     * Builds a policy of the matrix.
     *
     * @param id one of {@link #POLICIES}
     * @param pageOrigin the origin of the allowed page, e.g. {@code http://127.0.0.1:41234}
     * @return the policy
     */
    public static CorsPolicy policy(String id, String pageOrigin) {
        return switch (id) {
            case CRED -> CorsPolicy.builder()
                    .allowedOrigins(pageOrigin)
                    .allowedMethods("PUT", "DELETE", "PATCH", "OPTIONS")
                    .allowedHeaders("Content-Type", "X-Request-Id", "Authorization")
                    .exposedHeaders("X-Request-Id")
                    .allowCredentials(true)
                    .maxAge(Duration.ofSeconds(600))
                    .build();
            case PUBLIC -> CorsPolicy.builder()
                    .allowAnyOrigin()
                    .allowedMethods("PUT")
                    .allowedHeaders("X-Request-Id")
                    .exposedHeaders("*")
                    .maxAge(Duration.ZERO)
                    .build();
            case STAR -> CorsPolicy.builder()
                    .allowedOrigins(pageOrigin)
                    .allowedHeaders("*")
                    .exposedHeaders("X-Request-Id")
                    .build();
            case STAR_CRED -> CorsPolicy.builder()
                    .allowedOrigins(pageOrigin)
                    .allowedHeaders("*")
                    .exposedHeaders("X-Request-Id")
                    .allowCredentials(true)
                    .build();
            case STAR_AUTH -> CorsPolicy.builder()
                    .allowedOrigins(pageOrigin)
                    .allowedHeaders("*", "Authorization")
                    .build();
            case PATHS -> CorsPolicy.builder()
                    .allowedOrigins(pageOrigin)
                    .allowCredentials(true)
                    .build();
            case DEBUG -> CorsPolicy.builder()
                    .allowedOrigins(pageOrigin)
                    .allowedHeaders("Content-Type")
                    .debugMode(true)
                    .build();
            default -> throw new IllegalArgumentException("no policy " + id + "; the ids are " + POLICIES);
        };
    }

    /**
     * The filter the API puts in front of a policy's prefix: one policy, or for {@link #PATHS} per-path
     * policies ({@link #policy} then gives the credentialed {@code /paths/api/*} one).
     *
     * @param id one of {@link #POLICIES}
     * @param pageOrigin the origin of the allowed page
     * @return a new filter
     */
    public static CorsFilter filter(String id, String pageOrigin) {
        if (!id.equals(PATHS)) {
            return new CorsFilter(policy(id, pageOrigin));
        }
        return new CorsFilter(PathPolicies.builder()
                .add("/paths/public/*", CorsPolicy.builder().allowAnyOrigin().build())
                .add("/paths/api/*", policy(PATHS, pageOrigin))
                .build());
    }

    /**
     * Starts the matrix's servers: two pages and the API with every policy (see {@link MatrixServers}).
     *
     * @param withFilter whether to install the CORS filters; false gives the control run's API
     * @return the running servers; close them when done
     */
    public static MatrixServers startMatrixServers(boolean withFilter) {
        return MatrixServers.start(withFilter);
    }

    private static BrowserCase allowed(String policy, String name, BrowserCase.Request request, Expected expected) {
        return new BrowserCase(name, policy, Page.ALLOWED, request, expected);
    }

    private static BrowserCase other(String policy, String name, BrowserCase.Request request, Expected expected) {
        return new BrowserCase(name, policy, Page.OTHER, request, expected);
    }
}
