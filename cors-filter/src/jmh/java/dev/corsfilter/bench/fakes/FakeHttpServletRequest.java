package dev.corsfilter.bench.fakes;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.MappingMatch;
import jakarta.servlet.http.Part;

import java.io.BufferedReader;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A hand-written {@link HttpServletRequest} for benchmarks: {@code GET https://api.example.com/api/items}
 * (scheme, host, port, path and dispatcher type fixed), with the headers a scenario gives it.
 *
 * <p><b>Its own methods allocate nothing</b>, so that JMH's {@code gc.alloc.rate.norm} is the cost of the
 * code under test alone (the empty filter measures 0 B/op to prove it):
 * <ul>
 *   <li>headers and attributes live in fixed arrays, compared with {@code equalsIgnoreCase} (headers) or
 *       {@code equals} (attributes);</li>
 *   <li>{@link #getHeaders(String)}, {@link #getHeaderNames()} and {@link #getAttributeNames()} each return one
 *       reusable enumeration owned by this request, re-armed on every call: a caller that keeps two
 *       enumerations of the same kind alive at once sees the first one change. No implementation under test
 *       does that (Spring nests a {@code getHeaders} inside a {@code getHeaderNames} loop, which are two
 *       different objects);</li>
 *   <li>{@link #getHttpServletMapping()} returns a constant, {@link #getRequestURL()} (which must return a
 *       fresh mutable {@code StringBuffer} by contract) is the one exception and is not called on any
 *       measured path.</li>
 * </ul>
 * Methods no implementation under test needs throw {@link UnsupportedOperationException}; the sanity check
 * runs every path before it is measured, so such a call cannot go unnoticed.
 *
 * <p>Reuse: headers are set once per trial with {@link #setHeaders}; {@link #reset()} (called before every
 * operation) clears the attributes that filters set, and nothing else changes between operations.
 *
 * <p>Caveat, and the switch for it: by default every operation sees the <em>same</em> header value
 * {@code String} instances, so {@code String.hashCode()} is computed once and then cached inside them.
 * That flatters implementations that look headers up in {@code HashSet<String>}s (Tomcat, Jetty's filter):
 * a real server creates new strings for every request. With the system property
 * {@code bench.freshHeaderValues=true}, {@link #reset()} gives every header a new {@code String} copy
 * instead, as a server would; the fake then allocates (the empty filter shows how much), so B/op must be
 * read as the difference to the empty filter.
 */
public final class FakeHttpServletRequest implements HttpServletRequest {

    private static final int MAX_HEADERS = 16;
    private static final int MAX_ATTRIBUTES = 16;

    private static final HttpServletMapping MAPPING = new HttpServletMapping() {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getPattern() {
            return "/";
        }

        @Override
        public String getServletName() {
            return "app";
        }

        @Override
        public MappingMatch getMappingMatch() {
            return MappingMatch.DEFAULT;
        }
    };

    /** Whether {@link #reset()} copies the header values into new strings (see the class comment). */
    public static final boolean FRESH_VALUES = Boolean.getBoolean("bench.freshHeaderValues");

    private String method = "GET";
    private final String[] headerNames = new String[MAX_HEADERS];
    private final String[] headerValues = new String[MAX_HEADERS];
    private final char[][] headerChars = new char[MAX_HEADERS][];
    private int headerCount;
    private final String[] attributeNames = new String[MAX_ATTRIBUTES];
    private final Object[] attributeValues = new Object[MAX_ATTRIBUTES];
    private int attributeCount;

    private final ValuesEnumeration values = new ValuesEnumeration();
    private final NamesEnumeration names = new NamesEnumeration();
    private final AttributeNamesEnumeration attributeNameEnumeration = new AttributeNamesEnumeration();

    /**
     * Sets the method and the header lines, in order; a name may repeat (two {@code Origin} lines).
     *
     * @param method the request method
     * @param nameValuePairs name, value, name, value, ...
     */
    public void setHeaders(String method, String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0 || nameValuePairs.length / 2 > MAX_HEADERS) {
            throw new IllegalArgumentException("name/value pairs, at most " + MAX_HEADERS);
        }
        this.method = method;
        headerCount = nameValuePairs.length / 2;
        for (int i = 0; i < headerCount; i++) {
            headerNames[i] = nameValuePairs[2 * i];
            headerValues[i] = nameValuePairs[2 * i + 1];
            headerChars[i] = headerValues[i].toCharArray();
        }
    }

    /**
     * Clears the attributes set during the last operation. Allocates nothing, unless
     * {@code bench.freshHeaderValues} asks for new header value strings.
     */
    public void reset() {
        if (FRESH_VALUES) {
            for (int i = 0; i < headerCount; i++) {
                headerValues[i] = new String(headerChars[i]);
            }
        }
        for (int i = 0; i < attributeCount; i++) {
            attributeNames[i] = null;
            attributeValues[i] = null;
        }
        attributeCount = 0;
    }

    // ---- headers

    @Override
    public String getHeader(String name) {
        for (int i = 0; i < headerCount; i++) {
            if (headerNames[i].equalsIgnoreCase(name)) {
                return headerValues[i];
            }
        }
        return null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        values.arm(name);
        return values;
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        names.position = 0;
        names.skipDuplicates();
        return names;
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getDateHeader(String name) {
        if (getHeader(name) == null) {
            return -1;
        }
        throw new UnsupportedOperationException("getDateHeader");
    }

    /** The values of one header name; re-armed by each {@link #getHeaders(String)} call. */
    private final class ValuesEnumeration implements Enumeration<String> {
        private String name;
        private int next;

        void arm(String name) {
            this.name = name;
            this.next = find(0);
        }

        private int find(int from) {
            for (int i = from; i < headerCount; i++) {
                if (headerNames[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean hasMoreElements() {
            return next >= 0;
        }

        @Override
        public String nextElement() {
            if (next < 0) {
                throw new NoSuchElementException();
            }
            String value = headerValues[next];
            next = find(next + 1);
            return value;
        }
    }

    /** The distinct header names, in order of first appearance. */
    private final class NamesEnumeration implements Enumeration<String> {
        private int position;

        void skipDuplicates() {
            while (position < headerCount && seenBefore(position)) {
                position++;
            }
        }

        private boolean seenBefore(int index) {
            for (int i = 0; i < index; i++) {
                if (headerNames[i].equalsIgnoreCase(headerNames[index])) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean hasMoreElements() {
            return position < headerCount;
        }

        @Override
        public String nextElement() {
            if (position >= headerCount) {
                throw new NoSuchElementException();
            }
            String name = headerNames[position++];
            skipDuplicates();
            return name;
        }
    }

    // ---- attributes

    @Override
    public Object getAttribute(String name) {
        for (int i = 0; i < attributeCount; i++) {
            if (attributeNames[i].equals(name)) {
                return attributeValues[i];
            }
        }
        return null;
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
            return;
        }
        for (int i = 0; i < attributeCount; i++) {
            if (attributeNames[i].equals(name)) {
                attributeValues[i] = value;
                return;
            }
        }
        if (attributeCount == MAX_ATTRIBUTES) {
            throw new IllegalStateException("more than " + MAX_ATTRIBUTES + " attributes");
        }
        attributeNames[attributeCount] = name;
        attributeValues[attributeCount] = value;
        attributeCount++;
    }

    @Override
    public void removeAttribute(String name) {
        for (int i = 0; i < attributeCount; i++) {
            if (attributeNames[i].equals(name)) {
                attributeCount--;
                attributeNames[i] = attributeNames[attributeCount];
                attributeValues[i] = attributeValues[attributeCount];
                attributeNames[attributeCount] = null;
                attributeValues[attributeCount] = null;
                return;
            }
        }
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        attributeNameEnumeration.position = 0;
        return attributeNameEnumeration;
    }

    private final class AttributeNamesEnumeration implements Enumeration<String> {
        private int position;

        @Override
        public boolean hasMoreElements() {
            return position < attributeCount;
        }

        @Override
        public String nextElement() {
            if (position >= attributeCount) {
                throw new NoSuchElementException();
            }
            return attributeNames[position++];
        }
    }

    // ---- request line, connection and mapping: constants

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getScheme() {
        return "https";
    }

    @Override
    public String getServerName() {
        return "api.example.com";
    }

    @Override
    public int getServerPort() {
        return 443;
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getRequestURI() {
        return "/api/items";
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer("https://api.example.com/api/items");
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return "/api/items";
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return MAPPING;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public String getCharacterEncoding() {
        return null;
    }

    @Override
    public void setCharacterEncoding(String env) {
        // ignored
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public String getRemoteHost() {
        return "127.0.0.1";
    }

    @Override
    public int getRemotePort() {
        return 54321;
    }

    @Override
    public String getLocalName() {
        return "api.example.com";
    }

    @Override
    public String getLocalAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getLocalPort() {
        return 443;
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        throw unsupported("getLocales");
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return true;
    }

    @Override
    public String getRequestId() {
        return "1";
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (create) {
            throw unsupported("getSession(true)");
        }
        return null;
    }

    @Override
    public HttpSession getSession() {
        throw unsupported("getSession");
    }

    @Override
    public Cookie[] getCookies() {
        return null;
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    // ---- not needed by anything under test

    @Override
    public ServletInputStream getInputStream() {
        throw unsupported("getInputStream");
    }

    @Override
    public BufferedReader getReader() {
        throw unsupported("getReader");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unsupported("getRequestDispatcher");
    }

    @Override
    public ServletContext getServletContext() {
        throw unsupported("getServletContext");
    }

    @Override
    public AsyncContext startAsync() {
        throw unsupported("startAsync");
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        throw unsupported("startAsync");
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw unsupported("getAsyncContext");
    }

    @Override
    public ServletConnection getServletConnection() {
        throw unsupported("getServletConnection");
    }

    @Override
    public String changeSessionId() {
        throw unsupported("changeSessionId");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) {
        throw unsupported("authenticate");
    }

    @Override
    public void login(String username, String password) {
        throw unsupported("login");
    }

    @Override
    public void logout() {
        throw unsupported("logout");
    }

    @Override
    public java.util.Collection<Part> getParts() {
        throw unsupported("getParts");
    }

    @Override
    public Part getPart(String name) {
        throw unsupported("getPart");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
        throw unsupported("upgrade");
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("FakeHttpServletRequest." + method + " is not needed by the benchmarks");
    }
}
