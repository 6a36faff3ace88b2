package dev.corsfilter.testing;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An {@link HttpServletResponse} without a container that records what is written to it: status, header
 * lines in order, content type and length, body. It behaves like a container where a CORS filter can tell:
 * {@code setHeader} replaces every line of a name (names ignore case) and a null value removes them,
 * {@code addHeader} appends a line, {@code sendError}, {@code sendRedirect} and {@code flushBuffer} commit the
 * response, changes after the commit are ignored, and {@code reset()} after it throws.
 *
 * <p>Reads and writes of headers allocate what the chosen container's do ({@link ContainerCosts}, Jetty's by
 * default). {@link #recycle()} prepares the response for the next request without allocating, so a
 * benchmark can reuse it. {@link #recordWrites()} keeps every header write, for tests that check every value
 * ever written and for replaying a filter's writes.
 */
public final class FakeResponse implements HttpServletResponse {

    /**
     * One header write.
     *
     * @param replace true for {@code setHeader}, false for {@code addHeader}
     * @param name the name
     * @param value the value; null removes the lines of a {@code setHeader}
     */
    public record Write(boolean replace, String name, String value) {
    }

    private final HeaderLines headers = new HeaderLines();
    private final Body body = new Body();
    private ContainerCosts costs = ContainerCosts.JETTY;
    private int status = SC_OK;
    private boolean statusSet;
    private long contentLength = -1;
    private String contentType;
    private String characterEncoding;
    private boolean committed;
    private PrintWriter writer;
    private List<Write> writes;
    /** The last object allocated for a caller: kept so that escape analysis cannot drop it. */
    private Object issued;

    /**
     * Makes reads and writes allocate what another container's do.
     *
     * @param costs the container to imitate
     * @return this response
     */
    public FakeResponse costs(ContainerCosts costs) {
        this.costs = costs;
        return this;
    }

    /**
     * Starts keeping every header write from now on, see {@link #writes()}.
     *
     * @return this response
     */
    public FakeResponse recordWrites() {
        writes = new ArrayList<>();
        return this;
    }

    /**
     * Prepares the response for the next request, as a container recycles its response objects: status,
     * headers, content settings, body and the commit are forgotten. Allocates nothing.
     */
    public void recycle() {
        headers.clear();
        status = SC_OK;
        statusSet = false;
        contentLength = -1;
        contentType = null;
        committed = false;
        if (writer != null) {
            writer.flush();
        }
        body.size = 0;
        if (writes != null) {
            writes.clear();
        }
    }

    // ---- observing

    /**
     * Whether {@code setStatus}, {@code sendError} or {@code sendRedirect} ran since the last recycle.
     *
     * @return true when a status was set
     */
    public boolean statusSet() {
        return statusSet;
    }

    /**
     * The content length set, or -1.
     *
     * @return the content length
     */
    public long contentLength() {
        return contentLength;
    }

    /**
     * The header lines, in order.
     *
     * @return {@code {name, value}} pairs
     */
    public List<String[]> lines() {
        return headers.copy();
    }

    /**
     * Every line of one header.
     *
     * @param name the name, any case
     * @return the values in order
     */
    public List<String> values(String name) {
        return headers.values(name);
    }

    /**
     * The names of the {@code Access-Control-*} lines, lower-cased, one entry per line.
     *
     * @return the names
     */
    public List<String> corsHeaderNames() {
        List<String> names = new ArrayList<>();
        for (String[] line : headers.copy()) {
            String name = line[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("access-control-")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The members of every {@code Vary} line, lower-cased, repeats kept.
     *
     * @return the members
     */
    public List<String> varyNames() {
        List<String> names = new ArrayList<>();
        for (String line : values("Vary")) {
            for (String name : line.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /**
     * The header writes since {@link #recordWrites()}.
     *
     * @return the writes in order
     */
    public List<Write> writes() {
        requireRecording();
        return List.copyOf(writes);
    }

    /**
     * The header writes since {@link #recordWrites()}, or none when not recording.
     *
     * @return the writes in order
     */
    public List<Write> writesIfRecorded() {
        return writes == null ? List.of() : List.copyOf(writes);
    }

    /**
     * Every header value written since {@link #recordWrites()}, including those replaced or reset since.
     *
     * @return the values in order
     */
    public List<String> everyValueWritten() {
        requireRecording();
        return writes.stream().map(Write::value).filter(value -> value != null).toList();
    }

    private void requireRecording() {
        if (writes == null) {
            throw new IllegalStateException("call recordWrites() first");
        }
    }

    /**
     * What was written to the body, decoded with the response's character encoding.
     *
     * @return the body
     */
    public String body() {
        if (writer != null) {
            writer.flush();
        }
        return new String(body.bytes, 0, body.size, charset());
    }

    // ---- headers

    @Override
    public void setHeader(String name, String value) {
        if (committed) {
            return;
        }
        record(true, name, value);
        if (costs == ContainerCosts.JETTY) {
            scan();
            if (value != null) {
                issued = new Field(name, value);
            }
        }
        if (value == null) {
            headers.remove(name);
        } else {
            headers.set(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (committed || value == null) {
            return;
        }
        record(false, name, value);
        if (costs == ContainerCosts.JETTY) {
            issued = new Field(name, value);
        }
        headers.add(name, value);
    }

    private void record(boolean replace, String name, String value) {
        if (writes != null) {
            writes.add(new Write(replace, name, value));
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, String.valueOf(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, String.valueOf(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, httpDate(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, httpDate(date));
    }

    private static String httpDate(long date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC));
    }

    @Override
    public boolean containsHeader(String name) {
        return getHeader(name) != null;
    }

    @Override
    public String getHeader(String name) {
        if (costs == ContainerCosts.TOMCAT) {
            return headers.first(name);
        }
        HeaderLines.WrappingCursor lines = scan();
        while (lines.hasNext()) {
            int index = lines.nextIndex();
            if (headers.name(index).equalsIgnoreCase(name)) {
                return headers.value(index);
            }
        }
        return null;
    }

    @Override
    public Collection<String> getHeaders(String name) {
        Collection<String> values;
        if (costs == ContainerCosts.JETTY) {
            // Jetty: a new list filled while walking the fields (HttpFields.getValuesList)
            values = new ArrayList<>();
            HeaderLines.WrappingCursor lines = scan();
            while (lines.hasNext()) {
                int index = lines.nextIndex();
                if (headers.name(index).equalsIgnoreCase(name)) {
                    values.add(headers.value(index));
                }
            }
        } else {
            // Tomcat: a new LinkedHashSet filled from a values enumeration (Response.getHeaders)
            values = new LinkedHashSet<>();
            HeaderLines.Cursor lines = new HeaderLines.Cursor(headers);
            issued = lines;
            while (lines.hasNext()) {
                int index = lines.nextIndex();
                if (headers.name(index).equalsIgnoreCase(name)) {
                    values.add(headers.value(index));
                }
            }
        }
        issued = values;
        return values;
    }

    @Override
    public Collection<String> getHeaderNames() {
        Collection<String> names;
        if (costs == ContainerCosts.JETTY) {
            scan();
            Set<String> set = new LinkedHashSet<>(headers.distinctNames());
            names = set;
        } else {
            names = headers.distinctNames();
        }
        issued = names;
        return names;
    }

    /** Starts a walk over the lines as Jetty's response does for every lookup: two iterators, 48 bytes. */
    private HeaderLines.WrappingCursor scan() {
        HeaderLines.WrappingCursor lines = new HeaderLines.WrappingCursor(new HeaderLines.Cursor(headers));
        issued = lines;
        return lines;
    }

    /**
     * A header field as Jetty allocates one per line written: 32 bytes.
     *
     * @param name the name
     * @param value the value
     * @param nameHash the name's hash, which Jetty keeps to compare names fast
     * @param nameLength the name's length
     */
    private record Field(String name, String value, int nameHash, int nameLength) {

        Field(String name, String value) {
            this(name, value, name.hashCode(), name.length());
        }
    }

    // ---- status

    @Override
    public void setStatus(int code) {
        if (!committed) {
            status = code;
            statusSet = true;
        }
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int code, String message) {
        requireNotCommitted();
        status = code;
        statusSet = true;
        committed = true;
    }

    @Override
    public void sendError(int code) {
        sendError(code, null);
    }

    @Override
    public void sendRedirect(String location, int code, boolean clearBuffer) {
        requireNotCommitted();
        status = code;
        statusSet = true;
        headers.set("Location", location);
        committed = true;
    }

    // ---- content and body

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!committed) {
            contentLength = length;
        }
    }

    @Override
    public void setContentType(String type) {
        if (!committed) {
            contentType = type;
        }
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        characterEncoding = charset;
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding == null ? StandardCharsets.ISO_8859_1.name() : characterEncoding;
    }

    private Charset charset() {
        return Charset.forName(getCharacterEncoding());
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return body;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, charset()));
        }
        return writer;
    }

    @Override
    public void setBufferSize(int size) {
        // the body is kept whole
    }

    @Override
    public int getBufferSize() {
        return 8192;
    }

    @Override
    public void flushBuffer() {
        committed = true;
    }

    @Override
    public void resetBuffer() {
        requireNotCommitted();
        if (writer != null) {
            writer.flush();
        }
        body.size = 0;
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    /** Clears status, headers, content settings and body, as the servlet {@code reset()} does. */
    @Override
    public void reset() {
        requireNotCommitted();
        headers.clear();
        status = SC_OK;
        contentLength = -1;
        contentType = null;
        resetBuffer();
    }

    private void requireNotCommitted() {
        if (committed) {
            throw new IllegalStateException("response already committed");
        }
    }

    @Override
    public void setLocale(Locale locale) {
        // not kept
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    @Override
    public void addCookie(Cookie cookie) {
        throw new UnsupportedOperationException("FakeResponse.addCookie is not something a CORS filter needs");
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    @Override
    public String toString() {
        return "FakeResponse[" + status + " " + headers.copy().stream().map(line -> line[0] + ": " + line[1]).toList()
                + "]";
    }

    /** The body: a byte array that grows when needed and is kept when emptied, so reuse allocates nothing. */
    private static final class Body extends ServletOutputStream {
        private byte[] bytes = new byte[64];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("FakeResponse has no non-blocking output");
        }
    }
}
