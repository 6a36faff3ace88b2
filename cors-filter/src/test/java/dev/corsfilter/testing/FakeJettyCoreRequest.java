package dev.corsfilter.testing;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Components;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Session;
import org.eclipse.jetty.server.TunnelSupport;

import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Jetty 12 core {@link Request} without a server, to drive a core handler such as
 * {@code org.eclipse.jetty.server.handler.CrossOriginHandler}. Its headers are Jetty's own immutable
 * {@link HttpFields}, built once, so reading them costs what it costs in Jetty; the fake's own methods
 * allocate nothing. Everything a handler has no business calling throws {@link UnsupportedOperationException}.
 */
public final class FakeJettyCoreRequest implements Request {

    private static final HttpURI URI = HttpURI.from("https://api.example.com/api/items");

    private String method = "GET";
    private HttpFields headers = HttpFields.EMPTY;

    /**
     * Sets the method and the header lines.
     *
     * @param method the request method
     * @param nameValuePairs name, value, name, value, ...
     */
    public void setHeaders(String method, String... nameValuePairs) {
        this.method = method;
        HttpFields.Mutable fields = HttpFields.build();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            fields.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        this.headers = fields.asImmutable();
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public HttpFields getHeaders() {
        return headers;
    }

    @Override
    public HttpURI getHttpURI() {
        return URI;
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    @Override
    public String getId() {
        return "1";
    }

    @Override
    public Object getAttribute(String name) {
        return null;
    }

    @Override
    public Object setAttribute(String name, Object attribute) {
        throw unsupported("setAttribute");
    }

    @Override
    public Object removeAttribute(String name) {
        return null;
    }

    @Override
    public Set<String> getAttributeNameSet() {
        return Set.of();
    }

    @Override
    public Components getComponents() {
        throw unsupported("getComponents");
    }

    @Override
    public ConnectionMetaData getConnectionMetaData() {
        throw unsupported("getConnectionMetaData");
    }

    @Override
    public Context getContext() {
        throw unsupported("getContext");
    }

    @Override
    public void demand(Runnable demandCallback) {
        throw unsupported("demand");
    }

    @Override
    public HttpFields getTrailers() {
        return null;
    }

    @Override
    public long getBeginNanoTime() {
        return 0;
    }

    @Override
    public long getHeadersNanoTime() {
        return 0;
    }

    @Override
    public Content.Chunk read() {
        throw unsupported("read");
    }

    @Override
    public void fail(Throwable failure) {
        throw unsupported("fail");
    }

    @Override
    public boolean consumeAvailable() {
        return true;
    }

    @Override
    public void addIdleTimeoutListener(Predicate<TimeoutException> onIdleTimeout) {
        throw unsupported("addIdleTimeoutListener");
    }

    @Override
    public void addFailureListener(Consumer<Throwable> onFailure) {
        throw unsupported("addFailureListener");
    }

    @Override
    public TunnelSupport getTunnelSupport() {
        return null;
    }

    @Override
    public void addHttpStreamWrapper(Function<HttpStream, HttpStream> wrapper) {
        throw unsupported("addHttpStreamWrapper");
    }

    @Override
    public Session getSession(boolean create) {
        return null;
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("FakeJettyCoreRequest." + method + " is not something a CORS handler needs");
    }
}
