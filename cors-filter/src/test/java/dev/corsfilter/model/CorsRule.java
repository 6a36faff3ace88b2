package dev.corsfilter.model;

/**
 * The rule that turned a model fetch into a network error (or a {@code TypeError} before anything was sent),
 * with the anchor of the Fetch standard section that states it (https://fetch.spec.whatwg.org/#anchor).
 */
public enum CorsRule {

    /** The method is not a token (#dom-request: "If method is not a method"). */
    METHOD_INVALID("dom-request", "the method is not a valid method token"),
    /** CONNECT, TRACE, TRACK (#forbidden-method). */
    METHOD_FORBIDDEN("forbidden-method", "the method is a forbidden method"),
    /** A header name or value script set is invalid (#headers-validate). */
    HEADER_INVALID("headers-validate", "a header name or value is invalid"),
    /** A body with GET or HEAD (#dom-request). */
    BODY_WITH_GET_OR_HEAD("dom-request", "a request with GET or HEAD cannot have a body"),
    /** A URL with a user name or password (#dom-request). */
    URL_WITH_CREDENTIALS("dom-request", "the URL includes credentials"),
    /** mode no-cors with a method other than GET, HEAD, POST (#dom-request). */
    NO_CORS_METHOD("dom-request", "no-cors requests are limited to CORS-safelisted methods"),
    /** mode no-cors with redirect mode error or manual (#main-fetch step 12). */
    NO_CORS_WITHOUT_FOLLOW("main-fetch", "no-cors requests must use redirect mode follow"),
    /** mode same-origin to another origin (#main-fetch step 12). */
    SAME_ORIGIN_MODE("main-fetch", "mode same-origin forbids other origins"),
    /** Not http or https (#main-fetch step 12). */
    NOT_HTTP_SCHEME("main-fetch", "the URL's scheme is not an HTTP(S) scheme"),
    /** The transport could not get a response (#http-network-fetch). */
    TRANSPORT_FAILED("http-network-fetch", "no response was received"),

    /** No Access-Control-Allow-Origin (#concept-cors-check step 2). */
    ALLOW_ORIGIN_MISSING("concept-cors-check", "Access-Control-Allow-Origin is missing"),
    /** ACAO * with credentials mode include (#concept-cors-check step 3). */
    ALLOW_ORIGIN_WILDCARD_WITH_CREDENTIALS("concept-cors-check",
            "Access-Control-Allow-Origin is * but the credentials mode is include"),
    /** ACAO is not the byte-serialized request origin, e.g. two values (#concept-cors-check step 4). */
    ALLOW_ORIGIN_MISMATCH("concept-cors-check", "Access-Control-Allow-Origin is not the request's origin"),
    /** ACAC is not exactly true with credentials mode include (#concept-cors-check steps 6-8). */
    ALLOW_CREDENTIALS_NOT_TRUE("concept-cors-check",
            "the credentials mode is include but Access-Control-Allow-Credentials is not exactly true"),

    /** The pre-flight's status is not 200-299 (#cors-preflight-fetch-0 step 7, #ok-status). */
    PREFLIGHT_STATUS_NOT_OK("cors-preflight-fetch-0", "the pre-flight response's status is not an ok status"),
    /** ACAM or ACAH does not parse (#cors-preflight-fetch-0 step 7.3). */
    PREFLIGHT_LIST_UNPARSABLE("cors-preflight-fetch-0",
            "Access-Control-Allow-Methods or -Allow-Headers is not a list of tokens"),
    /** The method is not in ACAM (#cors-preflight-fetch-0 step 7.5). */
    METHOD_NOT_ALLOWED("cors-preflight-fetch-0", "the method is not in Access-Control-Allow-Methods"),
    /** Authorization is not listed in ACAH (#cors-preflight-fetch-0 step 7.6). */
    AUTHORIZATION_NOT_ALLOWED("cors-non-wildcard-request-header-name",
            "Authorization must be listed in Access-Control-Allow-Headers; * does not cover it"),
    /** A CORS-unsafe request-header name is not in ACAH (#cors-preflight-fetch-0 step 7.7). */
    HEADER_NOT_ALLOWED("cors-preflight-fetch-0", "a request header is not in Access-Control-Allow-Headers"),

    /** Location does not parse (#http-redirect-fetch step 5). */
    REDIRECT_LOCATION_INVALID("http-redirect-fetch", "the Location header is not a URL"),
    /** Location is not http(s) (#http-redirect-fetch step 6). */
    REDIRECT_NOT_HTTP("http-redirect-fetch", "the redirect target is not an HTTP(S) URL"),
    /** More than 20 redirects (#http-redirect-fetch step 7). */
    REDIRECT_LIMIT("http-redirect-fetch", "more than 20 redirects"),
    /** Location with user info in a CORS request (#http-redirect-fetch steps 9-10). */
    REDIRECT_WITH_CREDENTIALS("http-redirect-fetch", "a CORS redirect's Location includes credentials"),
    /** Redirect mode error met a redirect (#http-fetch step 6). */
    REDIRECT_MODE_ERROR("http-fetch", "redirect mode is error and the response redirects");

    private final String anchor;
    private final String description;

    CorsRule(String anchor, String description) {
        this.anchor = anchor;
        this.description = description;
    }

    /**
     * The section's address.
     *
     * @return e.g. {@code https://fetch.spec.whatwg.org/#concept-cors-check}
     */
    public String citation() {
        return "https://fetch.spec.whatwg.org/#" + anchor;
    }

    /**
     * The rule in words.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }
}
