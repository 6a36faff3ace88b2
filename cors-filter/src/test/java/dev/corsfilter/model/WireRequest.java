package dev.corsfilter.model;

import java.net.URI;

/**
 * A request as the model browser puts it on the wire: what a transport sends. It carries only the
 * headers Fetch adds or script set; the transport adds framing such as {@code Host} and {@code Content-Length}.
 *
 * @param method the method, exactly as sent (case kept)
 * @param url the absolute URL
 * @param headers the header list
 * @param body the body, or null
 * @param preflight whether this is a CORS-preflight request
 */
public record WireRequest(String method, URI url, HeaderList headers, String body, boolean preflight) {
}
