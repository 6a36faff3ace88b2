package dev.corsfilter.internal;

/**
 * Recognises a WebSocket opening handshake in both of its forms:
 * <ul>
 *   <li>over HTTP/1.1 (RFC 6455 section 4.1): a {@code GET} whose {@code Connection} lists the {@code upgrade}
 *       option and whose {@code Upgrade} lists {@code websocket}, with a {@code Sec-WebSocket-Key} and a
 *       {@code Sec-WebSocket-Version};</li>
 *   <li>over HTTP/2 and HTTP/3 (RFC 8441, RFC 9220): an extended {@code CONNECT} with a
 *       {@code Sec-WebSocket-Version}; its {@code :protocol} pseudo-header does not reach servlets, but a
 *       script can neither send {@code CONNECT} nor any {@code Sec-} header with {@code fetch()}.</li>
 * </ul>
 * Anything less is an ordinary HTTP request, whatever it carries: only a WebSocket client sends all of these,
 * while a stray {@code Upgrade: websocket} on an ordinary request must not take that request out of CORS.
 */
public final class WebSocketHandshake {

    private WebSocketHandshake() {
    }

    /**
     * Tells whether a request is a WebSocket opening handshake.
     *
     * @param method the request method
     * @param connection every line of {@code Connection}
     * @param upgrade every line of {@code Upgrade}
     * @param key {@code Sec-WebSocket-Key}, or null
     * @param version {@code Sec-WebSocket-Version}, or null
     * @return true for a handshake
     */
    public static boolean isHandshake(String method, Iterable<String> connection, Iterable<String> upgrade,
                                      String key, String version) {
        if (version == null) {
            return false;
        }
        if ("CONNECT".equals(method)) {
            return true;
        }
        return "GET".equals(method) && key != null
                && FieldList.contains(connection, "upgrade") && FieldList.contains(upgrade, "websocket");
    }
}
