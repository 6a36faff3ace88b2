package dev.corsfilter.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetch's request concept (#concept-request) during one fetch: the fields the CORS algorithms read, and
 * the bookkeeping main fetch changes as it goes (URL list, redirect count, response tainting).
 */
final class FetchRequest {

    /** #concept-request-response-tainting. */
    enum Tainting {
        /** Same-origin: a basic filtered response. */
        BASIC,
        /** Cross-origin in CORS mode: CORS check, CORS filtered response. */
        CORS,
        /** no-cors: an opaque filtered response. */
        OPAQUE
    }

    final Origin origin;
    final List<URI> urlList = new ArrayList<>();
    final ModelRequest.Credentials credentials;
    final ModelRequest.Mode mode;
    final ModelRequest.Redirect redirect;
    final boolean useCorsPreflight;
    /** The unsafe-request flag: set for every request made with {@code fetch()} (#dom-request). */
    final boolean unsafeRequest = true;
    String method;
    HeaderList headers;
    String body;
    Tainting tainting = Tainting.BASIC;
    int redirectCount;

    FetchRequest(Origin origin, URI url, String method, HeaderList headers, String body, ModelRequest script) {
        this.origin = origin;
        this.urlList.add(url);
        this.method = method;
        this.headers = headers;
        this.body = body;
        this.credentials = script.credentials();
        this.mode = script.mode();
        this.redirect = script.redirect();
        this.useCorsPreflight = script.useCorsPreflight();
    }

    /** #concept-request-current-url: the last URL of the URL list. */
    URI currentUrl() {
        return urlList.get(urlList.size() - 1);
    }

    boolean credentialsInclude() {
        return credentials == ModelRequest.Credentials.INCLUDE;
    }

    /**
     * #serializing-a-request-origin: {@code null} once the request has a redirect-tainted origin, else the
     * page's origin serialized.
     */
    String serializedOrigin() {
        return hasRedirectTaintedOrigin() ? "null" : origin.serialize();
    }

    /**
     * #concept-request-tainted-origin: some hop went between two URLs of different origins while the
     * request's origin was not the origin of the URL being left. A same-origin redirect within the API, or
     * from the page's own origin to the API, keeps the origin; API to another origin taints it.
     */
    boolean hasRedirectTaintedOrigin() {
        URI last = null;
        for (URI url : urlList) {
            if (last != null) {
                Origin lastOrigin = Origin.of(last);
                if (!Origin.of(url).sameOrigin(lastOrigin) && !origin.sameOrigin(lastOrigin)) {
                    return true;
                }
            }
            last = url;
        }
        return false;
    }
}
