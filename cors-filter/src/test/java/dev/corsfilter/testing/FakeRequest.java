package dev.corsfilter.testing;

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
import java.net.URI;
import java.security.Principal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An {@link HttpServletRequest} without a container, for calling a filter directly: unit and security tests
 * (any header value, any number of repeated lines, no container limit), the in-process model transport, and
 * the benchmarks, which reuse one request for millions of operations ({@link #recycle()}).
 *
 * <p>Header lookups scan the lines ignoring case, as containers do; the plural accessors allocate what the
 * chosen container's allocate ({@link ContainerCosts}, Jetty's by default), and nothing else does. Methods
 * a filter has no business calling ({@code getInputStream}, {@code getSession(true)}, {@code startAsync}, ...)
 * throw {@link UnsupportedOperationException} naming themselves, so a new dependency shows up as a failure.
 *
 * <p>By default: {@code https://api.example.com/api/items}, the REQUEST dispatch, not async-capable (as a
 * servlet is unless marked so).
 */
public final class FakeRequest implements HttpServletRequest {

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

    private final String method;
    private final HeaderLines headers = new HeaderLines();
    private ContainerCosts costs = ContainerCosts.JETTY;
    private String scheme = "https";
    private String serverName = "api.example.com";
    private int serverPort = 443;
    private String path = "/api/items";
    private String query;
    private DispatcherType dispatcherType = DispatcherType.REQUEST;
    private boolean asyncSupported;
    private boolean freshHeaderValues;
    private char[][] headerChars = new char[0][];
    private Attribute[] attributes = new Attribute[8];
    private int attributeCount;
    /** The last object handed out or allocated for a caller: kept so that escape analysis cannot drop it. */
    private Object issued;
    private int enumerations;

    /**
     * A request with a method and no header.
     *
     * @param method the method, e.g. {@code GET}
     */
    public FakeRequest(String method) {
        this.method = method;
    }

    /**
     * Makes the plural accessors allocate what another container's do.
     *
     * @param costs the container to imitate
     * @return this request
     */
    public FakeRequest costs(ContainerCosts costs) {
        this.costs = costs;
        return this;
    }

    /**
     * Adds a header line; call again with the same name for a repeated line.
     *
     * @param name the name
     * @param value the value, as received: any length, any characters
     * @return this request
     */
    public FakeRequest header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /**
     * Adds header lines.
     *
     * @param namesAndValues name, value, name, value, ...
     * @return this request
     */
    public FakeRequest headers(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            header(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /**
     * Sets where the request goes: scheme, host, port, path (the servlet path; the context path is empty) and
     * query.
     *
     * @param url the request URL
     * @return this request
     */
    public FakeRequest url(URI url) {
        this.scheme = url.getScheme();
        this.serverName = url.getHost();
        this.serverPort = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        this.path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.query = url.getRawQuery();
        return this;
    }

    /**
     * Sets the dispatch the filter sees the request on.
     *
     * @param type e.g. {@code ERROR}
     * @return this request
     */
    public FakeRequest dispatcherType(DispatcherType type) {
        this.dispatcherType = type;
        return this;
    }

    /**
     * Marks the request as going to an async-capable servlet, so that a filter may wrap it for async work.
     *
     * @param supported whether {@link #isAsyncSupported()} answers true
     * @return this request
     */
    public FakeRequest asyncSupported(boolean supported) {
        this.asyncSupported = supported;
        return this;
    }

    /**
     * Makes {@link #recycle()} give every header value a new {@code String}, as a server parsing a new request
     * does, so that no {@code String.hashCode()} stays cached from one operation to the next. Costs a copy of
     * each value per recycle.
     *
     * @param fresh whether to copy
     * @return this request
     */
    public FakeRequest freshHeaderValues(boolean fresh) {
        this.freshHeaderValues = fresh;
        headerChars = new char[headers.size()][];
        for (int i = 0; i < headers.size(); i++) {
            headerChars[i] = headers.value(i).toCharArray();
        }
        return this;
    }

    /**
     * Prepares the request for its next use, as a container recycles its request objects: forgets the
     * attributes set, and copies the header values when asked to ({@link #freshHeaderValues}). Allocates
     * nothing otherwise.
     */
    public void recycle() {
        attributeCount = 0;
        enumerations = 0;
        if (freshHeaderValues) {
            for (int i = 0; i < headers.size(); i++) {
                headers.setValue(i, new String(headerChars[i]));
            }
        }
    }

    /**
     * How many times {@code getHeaders} or {@code getHeaderNames} ran since the request was made or recycled:
     * each builds a new object in a container.
     *
     * @return the count
     */
    public int headerEnumerations() {
        return enumerations;
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
     * The values of every line of one header.
     *
     * @param name the name, any case
     * @return the values in order
     */
    public List<String> values(String name) {
        return headers.values(name);
    }

    // ---- headers

    @Override
    public String getHeader(String name) {
        return headers.first(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        enumerations++;
        Enumeration<String> values = costs == ContainerCosts.JETTY
                ? new JettyValues(new HeaderLines.Cursor(headers), name) : new TomcatValues(name);
        issued = values;
        return values;
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        enumerations++;
        Enumeration<String> names;
        if (costs == ContainerCosts.JETTY) {
            Set<String> set = new LinkedHashSet<>(headers.distinctNames());
            names = Collections.enumeration(set);
        } else {
            names = new TomcatNames();
        }
        issued = names;
        return names;
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getDateHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1
                : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    }

    /** Jetty's enumeration of one name's values: lazy, over an iterator of every line. 32 bytes, with it 56. */
    private final class JettyValues implements Enumeration<String> {
        private final HeaderLines.Cursor lines;
        private final String name;
        private String next;

        JettyValues(HeaderLines.Cursor lines, String name) {
            this.lines = lines;
            this.name = name;
        }

        @Override
        public boolean hasMoreElements() {
            while (next == null && lines.hasNext()) {
                int index = lines.nextIndex();
                if (headers.name(index).equalsIgnoreCase(name)) {
                    next = headers.value(index);
                }
            }
            return next != null;
        }

        @Override
        public String nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException();
            }
            String value = next;
            next = null;
            return value;
        }
    }

    /** Tomcat's {@code ValuesEnumerator}: lazy, over the header array. 32 bytes. */
    private final class TomcatValues implements Enumeration<String> {
        private final String name;
        private int position;
        private String next;

        TomcatValues(String name) {
            this.name = name;
            findNext();
        }

        private void findNext() {
            next = null;
            int index = headers.indexOf(name, position);
            if (index >= 0) {
                next = headers.value(index);
                position = index + 1;
            }
        }

        @Override
        public boolean hasMoreElements() {
            return next != null;
        }

        @Override
        public String nextElement() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String value = next;
            findNext();
            return value;
        }
    }

    /** Tomcat's {@code NamesEnumerator}: the distinct names of the lines there were when it began. 32 bytes. */
    private final class TomcatNames implements Enumeration<String> {
        private final int size = headers.size();
        private int position;
        private String next;

        TomcatNames() {
            findNext();
        }

        private void findNext() {
            next = null;
            while (position < size) {
                int index = position++;
                if (headers.indexOf(headers.name(index), 0) == index) {
                    next = headers.name(index);
                    return;
                }
            }
        }

        @Override
        public boolean hasMoreElements() {
            return next != null;
        }

        @Override
        public String nextElement() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String name = next;
            findNext();
            return name;
        }
    }

    // ---- attributes

    /** A map entry, as both containers' attribute maps allocate one per new name: 24 bytes. */
    private static final class Attribute {
        final String name;
        final int hash;
        Object value;

        Attribute(String name, Object value) {
            this.name = name;
            this.hash = name.hashCode();
            this.value = value;
        }
    }

    @Override
    public Object getAttribute(String name) {
        int index = attributeIndex(name);
        return index < 0 ? null : attributes[index].value;
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
            return;
        }
        int index = attributeIndex(name);
        if (index >= 0) {
            attributes[index].value = value;
            return;
        }
        if (attributeCount == attributes.length) {
            attributes = Arrays.copyOf(attributes, attributeCount * 2);
        }
        attributes[attributeCount++] = new Attribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        int index = attributeIndex(name);
        if (index >= 0) {
            attributeCount--;
            attributes[index] = attributes[attributeCount];
            attributes[attributeCount] = null;
        }
    }

    private int attributeIndex(String name) {
        int hash = name.hashCode();
        for (int i = 0; i < attributeCount; i++) {
            if (attributes[i].hash == hash && attributes[i].name.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        List<String> names = new ArrayList<>(attributeCount);
        for (int i = 0; i < attributeCount; i++) {
            names.add(attributes[i].name);
        }
        return Collections.enumeration(names);
    }

    // ---- request line, connection and mapping

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public String getServerName() {
        return serverName;
    }

    @Override
    public int getServerPort() {
        return serverPort;
    }

    @Override
    public boolean isSecure() {
        return "https".equalsIgnoreCase(scheme);
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getRequestURI() {
        return path;
    }

    @Override
    public StringBuffer getRequestURL() {
        boolean defaultPort = serverPort == ("https".equalsIgnoreCase(scheme) ? 443 : 80);
        return new StringBuffer(scheme + "://" + serverName + (defaultPort ? "" : ":" + serverPort) + path);
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return path;
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
        return query;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return MAPPING;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return dispatcherType;
    }

    @Override
    public String getCharacterEncoding() {
        return null;
    }

    @Override
    public void setCharacterEncoding(String encoding) {
        // no body to decode
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
        return serverName;
    }

    @Override
    public String getLocalAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getLocalPort() {
        return serverPort;
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(List.of(Locale.ROOT));
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return asyncSupported;
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("the request is not in async mode");
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
        throw unsupported("getSession()");
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

    // ---- not for a filter

    @Override
    public ServletInputStream getInputStream() {
        throw unsupported("getInputStream");
    }

    @Override
    public BufferedReader getReader() {
        throw unsupported("getReader");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String target) {
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
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        throw unsupported("startAsync");
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
    public Collection<Part> getParts() {
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

    @Override
    public String toString() {
        return "FakeRequest[" + method + " " + scheme + "://" + serverName + path + "]";
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("FakeRequest." + method + " is not something a filter needs");
    }
}
