package dev.corsfilter.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An origin as browsers hold it (HTML Standard, "origin"): either a tuple of scheme, host and port, or an
 * opaque origin, which serializes to {@code null} and is same origin with nothing the model fetches.
 *
 * <p>Only the pieces the CORS algorithms need are modelled: "same origin" and the ASCII serialization,
 * which omits the scheme's default port and lower-cases scheme and host (HTML "ascii-serialisation-of-an-origin").
 * Hosts are taken as given after lower-casing; there is no IDNA processing, so give punycode.
 */
public final class Origin {

    private static final Origin OPAQUE = new Origin(null, null, -1);

    private final String scheme;
    private final String host;
    private final int port;

    private Origin(String scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
    }

    /**
     * The opaque origin of a sandboxed iframe, a {@code data:} document and the like.
     *
     * @return an origin serialized as {@code null}
     */
    public static Origin opaque() {
        return OPAQUE;
    }

    /**
     * Reads a serialized origin such as {@code https://app.example.com:8443}, or {@code null}.
     *
     * @param serialized the origin
     * @return the origin
     * @throws IllegalArgumentException when the text is not an origin
     */
    public static Origin parse(String serialized) {
        if ("null".equals(serialized)) {
            return OPAQUE;
        }
        URI uri = URI.create(serialized);
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an origin: " + serialized);
        }
        return of(uri);
    }

    /**
     * The origin of a URL (URL Standard, "origin" of an HTTP(S) URL).
     *
     * @param url an absolute http or https URL
     * @return its origin
     */
    public static Origin of(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host: " + url);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() == -1 ? defaultPort(scheme) : url.getPort();
        return new Origin(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    /**
     * Whether this is an opaque origin.
     *
     * @return true for the origin serialized as {@code null}
     */
    public boolean isOpaque() {
        return scheme == null;
    }

    /**
     * Whether two origins are the same (HTML "same origin"): equal tuples. An opaque origin of a page is
     * never same origin with a URL's origin, which is always a tuple.
     *
     * @param other the other origin
     * @return true when both are the same tuple
     */
    public boolean sameOrigin(Origin other) {
        return !isOpaque() && !other.isOpaque() && scheme.equals(other.scheme) && host.equals(other.host)
                && port == other.port;
    }

    /**
     * The ASCII serialization, as it appears in {@code Origin} and must appear in {@code Access-Control-Allow-Origin}.
     *
     * @return e.g. {@code https://app.example.com} or {@code null}
     */
    public String serialize() {
        if (isOpaque()) {
            return "null";
        }
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    /**
     * The scheme.
     *
     * @return e.g. {@code https}; null for an opaque origin
     */
    public String scheme() {
        return scheme;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Origin that && Objects.equals(scheme, that.scheme) && Objects.equals(host, that.host)
                && port == that.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, port);
    }

    @Override
    public String toString() {
        return serialize();
    }
}
