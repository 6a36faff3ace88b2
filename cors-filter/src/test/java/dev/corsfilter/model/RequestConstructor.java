package dev.corsfilter.model;

import java.net.URI;

/**
 * What {@code new Request(url, init)} and the start of {@code fetch()} do with script's arguments before
 * anything is sent (#dom-request, #headers-validate, #concept-headers-append, #concept-fetch): validate and
 * normalize the method, drop headers script may not set, add the default {@code Content-Type} of a string
 * body and the default {@code Accept}. Failures here are the {@code TypeError} the promise rejects with.
 */
final class RequestConstructor {

    /** The request to fetch, or the rule that made the constructor throw. */
    record Result(FetchRequest request, CorsRule failure) {
    }

    /** #dom-request: a USVString body is extracted with this type. */
    static final String TEXT_BODY_TYPE = "text/plain;charset=UTF-8";

    private RequestConstructor() {
    }

    static Result create(URI target, Origin origin, ModelRequest script) {
        // #dom-request: a URL with credentials is a TypeError. Fragments are never sent; drop them here.
        if (target.getRawUserInfo() != null) {
            return failure(CorsRule.URL_WITH_CREDENTIALS);
        }
        URI url = withoutFragment(target);
        // #dom-request: "If method is not a method or method is a forbidden method, then throw a TypeError",
        // then normalize it (#concept-method-normalize).
        if (!Methods.isMethod(script.method())) {
            return failure(CorsRule.METHOD_INVALID);
        }
        if (Methods.isForbidden(script.method())) {
            return failure(CorsRule.METHOD_FORBIDDEN);
        }
        String method = Methods.normalize(script.method());
        boolean noCors = script.mode() == ModelRequest.Mode.NO_CORS;
        // #dom-request: no-cors is only for CORS-safelisted methods.
        if (noCors && !Methods.isSafelisted(method)) {
            return failure(CorsRule.NO_CORS_METHOD);
        }
        HeaderList headers = HeaderList.empty();
        for (HeaderList.Header header : script.headers().all()) {
            String value = trimHttpWhitespace(header.value());
            // #headers-validate: a name must be a header name, a value a header value (and a ByteString).
            if (!HttpSyntax.isToken(header.name()) || !isHeaderValue(value)) {
                return failure(CorsRule.HEADER_INVALID);
            }
            // #headers-validate: the "request" guard silently ignores forbidden request-headers.
            if (RequestHeaderRules.isForbidden(header.name(), value)) {
                continue;
            }
            // #concept-headers-append: the "request-no-cors" guard keeps only no-CORS-safelisted headers,
            // judged on the value combined with earlier ones of the same name.
            if (noCors) {
                String existing = headers.get(header.name());
                String combined = existing == null ? value : existing + ", " + value;
                if (!RequestHeaderRules.isNoCorsSafelisted(header.name(), combined)) {
                    continue;
                }
            }
            headers = headers.with(header.name(), value);
        }
        // #dom-request: GET and HEAD cannot have a body.
        if (script.body() != null && (method.equals("GET") || method.equals("HEAD"))) {
            return failure(CorsRule.BODY_WITH_GET_OR_HEAD);
        }
        // #dom-request: a string body brings Content-Type text/plain;charset=UTF-8 unless script set one.
        if (script.body() != null && !headers.contains("Content-Type")) {
            headers = headers.with("Content-Type", TEXT_BODY_TYPE);
        }
        // #concept-fetch step 11: Accept */* when script set none. (Step 12's Accept-Language is a user
        // agent choice and left out; it would only matter for the 1024-byte rule.)
        if (!headers.contains("Accept")) {
            headers = headers.with("Accept", "*/*");
        }
        return new Result(new FetchRequest(origin, url, method, headers, script.body(), script), null);
    }

    /** #concept-header-value-normalize: strip leading and trailing HTTP whitespace. */
    private static String trimHttpWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && " \t\r\n".indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\r\n".indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    /** #header-value: no NUL, CR or LF; bytes only (WebIDL ByteString). */
    private static boolean isHeaderValue(String value) {
        return value.chars().allMatch(c -> c != 0 && c != '\r' && c != '\n' && c <= 0xFF);
    }

    private static URI withoutFragment(URI url) {
        String text = url.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? url : URI.create(text.substring(0, hash));
    }

    private static Result failure(CorsRule rule) {
        return new Result(null, rule);
    }
}
