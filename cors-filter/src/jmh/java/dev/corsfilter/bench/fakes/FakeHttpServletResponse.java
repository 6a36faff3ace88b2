package dev.corsfilter.bench.fakes;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A hand-written {@link HttpServletResponse} for benchmarks that records status and header lines.
 *
 * <p><b>Its own methods allocate nothing</b> (the empty filter measures 0 B/op to prove it):
 * <ul>
 *   <li>header lines live in fixed arrays (name compared with {@code equalsIgnoreCase});</li>
 *   <li>{@link #getHeaders(String)} and {@link #getHeaderNames()} each return one reusable list owned by this
 *       response, filled with a snapshot on every call (as the servlet spec requires a snapshot), whose
 *       {@code iterator()} is reusable too: a caller keeping two results of the same method alive at once would
 *       see the first change. No implementation under test does that (Spring iterates
 *       {@code getHeaders(name)} inside a {@code getHeaderNames()} loop: two different lists);</li>
 *   <li>{@link #getOutputStream()} and {@link #getWriter()} return one discarding stream and writer each.</li>
 * </ul>
 * {@link #reset()} is the servlet {@code reset()}: it clears status and headers, and the benchmarks call it
 * before every operation, so the response is reused without allocation.
 */
public final class FakeHttpServletResponse implements HttpServletResponse {

    private static final int MAX_HEADER_LINES = 32;

    private final String[] names = new String[MAX_HEADER_LINES];
    private final String[] values = new String[MAX_HEADER_LINES];
    private int count;
    private int status = SC_OK;
    private boolean statusSet;
    private long contentLength = -1;
    private String contentType;
    private String characterEncoding;

    private final ReusableList headerValuesView = new ReusableList();
    private final ReusableList headerNamesView = new ReusableList();
    private final DiscardingOutputStream outputStream = new DiscardingOutputStream();
    private final PrintWriter writer = new PrintWriter(Writer.nullWriter());

    // ---- observation, for the sanity check

    /**
     * Every header line, in order, as {@code name: value}; allocates, not for measured paths.
     *
     * @return the lines
     */
    public List<String[]> headerLines() {
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new String[] {names[i], values[i]});
        }
        return lines;
    }

    /**
     * Whether {@link #setStatus} or {@link #sendError} ran since the last {@link #reset()}.
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

    // ---- headers

    @Override
    public void setHeader(String name, String value) {
        int first = indexOf(name, 0);
        if (first < 0) {
            // the common case: a new name, appended
            if (value != null) {
                append(name, value);
            }
            return;
        }
        if (value != null) {
            values[first] = value;
            first++;
        }
        // drop the other lines of this name (all of them when value is null)
        int kept = first;
        for (int i = first; i < count; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                names[kept] = names[i];
                values[kept] = values[i];
                kept++;
            }
        }
        for (int i = kept; i < count; i++) {
            names[i] = null;
            values[i] = null;
        }
        count = kept;
    }

    private int indexOf(String name, int from) {
        for (int i = from; i < count; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void addHeader(String name, String value) {
        if (value != null) {
            append(name, value);
        }
    }

    private void append(String name, String value) {
        if (count == MAX_HEADER_LINES) {
            throw new IllegalStateException("more than " + MAX_HEADER_LINES + " header lines");
        }
        names[count] = name;
        values[count] = value;
        count++;
    }

    @Override
    public boolean containsHeader(String name) {
        return getHeader(name) != null;
    }

    @Override
    public String getHeader(String name) {
        int index = indexOf(name, 0);
        return index < 0 ? null : values[index];
    }

    @Override
    public Collection<String> getHeaders(String name) {
        headerValuesView.size = 0;
        for (int i = 0; i < count; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                headerValuesView.add(values[i]);
            }
        }
        return headerValuesView;
    }

    @Override
    public Collection<String> getHeaderNames() {
        headerNamesView.size = 0;
        for (int i = 0; i < count; i++) {
            if (!headerNamesView.containsIgnoreCase(names[i])) {
                headerNamesView.add(names[i]);
            }
        }
        return headerNamesView;
    }

    @Override
    public void setIntHeader(String name, int value) {
        throw new UnsupportedOperationException("setIntHeader would allocate");
    }

    @Override
    public void addIntHeader(String name, int value) {
        throw new UnsupportedOperationException("addIntHeader would allocate");
    }

    @Override
    public void setDateHeader(String name, long date) {
        throw new UnsupportedOperationException("setDateHeader would allocate");
    }

    @Override
    public void addDateHeader(String name, long date) {
        throw new UnsupportedOperationException("addDateHeader would allocate");
    }

    /** A list over a fixed array, with a reusable iterator. */
    private static final class ReusableList extends AbstractList<String> {
        private final String[] items = new String[MAX_HEADER_LINES];
        private int size;
        private final ReusableIterator iterator = new ReusableIterator();

        void add0(String item) {
            items[size++] = item;
        }

        @Override
        public boolean add(String item) {
            add0(item);
            return true;
        }

        boolean containsIgnoreCase(String item) {
            for (int i = 0; i < size; i++) {
                if (items[i].equalsIgnoreCase(item)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String get(int index) {
            if (index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            for (int i = 0; i < size; i++) {
                if (items[i].equals(o)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Iterator<String> iterator() {
            iterator.next = 0;
            return iterator;
        }

        private final class ReusableIterator implements Iterator<String> {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public String next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return items[next++];
            }
        }
    }

    // ---- status and body

    @Override
    public void setStatus(int sc) {
        status = sc;
        statusSet = true;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc, String msg) {
        setStatus(sc);
    }

    @Override
    public void sendError(int sc) {
        setStatus(sc);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) {
        throw new UnsupportedOperationException("sendRedirect");
    }

    @Override
    public void setContentLength(int len) {
        contentLength = len;
    }

    @Override
    public void setContentLengthLong(long len) {
        contentLength = len;
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
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
        return characterEncoding == null ? "ISO-8859-1" : characterEncoding;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return outputStream;
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public void setBufferSize(int size) {
        // ignored
    }

    @Override
    public int getBufferSize() {
        return 8192;
    }

    @Override
    public void flushBuffer() {
        // nothing is buffered
    }

    @Override
    public void resetBuffer() {
        // nothing is buffered
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    /**
     * Clears status, headers and content settings, as the servlet {@code reset()} does. Allocates nothing,
     * and stores no references: the old lines are forgotten by count only (they are constants), so no GC
     * write barrier runs here.
     */
    @Override
    public void reset() {
        count = 0;
        status = SC_OK;
        statusSet = false;
        contentLength = -1;
        contentType = null;
        characterEncoding = null;
    }

    @Override
    public void setLocale(Locale loc) {
        // ignored
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    @Override
    public void addCookie(Cookie cookie) {
        throw new UnsupportedOperationException("addCookie");
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    /** Discards what is written; Spring writes "Invalid CORS request" to it on refusals. */
    private static final class DiscardingOutputStream extends ServletOutputStream {
        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            throw new UnsupportedOperationException("setWriteListener");
        }
    }
}
