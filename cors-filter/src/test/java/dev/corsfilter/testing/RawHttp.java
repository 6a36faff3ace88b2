package dev.corsfilter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately naive HTTP/1.1 client for hostile requests: it writes header values byte for byte,
 * including control characters, non-ASCII bytes and values no well-behaved client would send, which
 * {@code java.net.http.HttpClient} refuses to send. One request per connection, loopback only.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /** A parsed response: status, header lines in order (names as sent), body. */
    /**
     * A parsed response.
     *
     * @param status the status code, or {@link #CLOSED}
     * @param headers the header lines in order, each {name, value}, names as sent
     * @param body the body, de-chunked, as ISO-8859-1 text
     */
    public record Response(int status, List<String[]> headers, String body) {

        /**
         * Every line of the named header, in order.
         *
         * @param name the header name, compared ignoring case
         * @return the values
         */
        public List<String> values(String name) {
            List<String> values = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    values.add(header[1]);
                }
            }
            return values;
        }

        /**
         * The names of all response headers starting with {@code Access-Control-}.
         *
         * @return the names, lower-cased, in order
         */
        public List<String> corsHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String[] header : headers) {
                String lower = header[0].toLowerCase(Locale.ROOT);
                if (lower.startsWith("access-control-")) {
                    names.add(lower);
                }
            }
            return names;
        }

        /**
         * The members of all {@code Vary} lines.
         *
         * @return the members, lower-cased, in order, duplicates kept
         */
        public List<String> varyNames() {
            return members(values("Vary"));
        }

        /**
         * The members of a list-valued header's lines (RFC 9110 section 5.3).
         *
         * @param lines the lines
         * @return the non-empty members, stripped and lower-cased, in order, duplicates kept
         */
        public static List<String> members(List<String> lines) {
            List<String> members = new ArrayList<>();
            for (String line : lines) {
                for (String member : line.split(",")) {
                    if (!member.isBlank()) {
                        members.add(member.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return members;
        }
    }

    /**
     * Sends one request to {@code 127.0.0.1:port}.
     *
     * @param port the server's port
     * @param method the request method
     * @param path the request target
     * @param headers alternating names and values; each character of a value up to U+00FF is written as
     *     one byte, anything above as its UTF-8 bytes
     * @return the response
     */
    public static Response send(int port, String method, String path, String... headers) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            write(request, headers[i] + ": " + headers[i + 1] + "\r\n");
        }
        write(request, "Connection: close\r\n\r\n");
        return exchange(port, request.toByteArray());
    }

    /**
     * Sends a request written out in full, head and blank line included, to {@code 127.0.0.1:port}.
     *
     * @param port the server's port
     * @param request the request, each character written as one byte
     * @return the response
     */
    public static Response sendRaw(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Response exchange(int port, byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // A server refusing an oversized request answers and closes before reading all of it; the
                // rest of the write then fails, but its answer may still be there to read.
                return readAfterRefusal(socket);
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status of a connection the server closed without an answer the client could read. */
    public static final int CLOSED = -1;

    private static Response readAfterRefusal(Socket socket) {
        try {
            byte[] raw = readAll(socket.getInputStream());
            return raw.length == 0 ? new Response(CLOSED, List.of(), "") : parse(raw);
        } catch (IOException | IllegalStateException e) {
            return new Response(CLOSED, List.of(), "");
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0xFF) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete response head in: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()});
        }
        String body = text.substring(headEnd + 4);
        boolean chunked = headers.stream().anyMatch(header -> header[0].equalsIgnoreCase("Transfer-Encoding")
                && header[1].toLowerCase(Locale.ROOT).contains("chunked"));
        return new Response(status, headers, chunked ? dechunk(body) : body);
    }

    /** Joins the chunks of a chunked body (RFC 9112 section 7.1); trailers are dropped. */
    private static String dechunk(String body) {
        StringBuilder joined = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                throw new IllegalStateException("truncated chunked body: " + body);
            }
            String size = body.substring(at, lineEnd);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (length == 0) {
                return joined.toString();
            }
            joined.append(body, lineEnd + 2, lineEnd + 2 + length);
            at = lineEnd + 2 + length + 2;
        }
    }
}
