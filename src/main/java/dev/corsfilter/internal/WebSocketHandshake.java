package dev.corsfilter.internal;

/**
 * Recognises a WebSocket opening handshake (RFC 6455 section 4.1): a {@code GET} whose {@code Connection}
 * lists the {@code upgrade} option and whose {@code Upgrade} lists {@code websocket}, with a
 * {@code Sec-WebSocket-Key} and a {@code Sec-WebSocket-Version}. Anything less is an ordinary HTTP request,
 * whatever it carries: a script cannot send any of these headers with {@code fetch()}, so only a WebSocket
 * client sends them all, while a stray {@code Upgrade: websocket} on an ordinary request must not take that
 * request out of CORS.
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
        return "GET".equals(method) && key != null && version != null
                && FieldList.contains(connection, "upgrade") && FieldList.contains(upgrade, "websocket");
    }
}
