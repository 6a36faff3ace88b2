package dev.corsfilter.testing;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A Jetty 12 core {@link Response} without a server whose headers are Jetty's own {@link HttpFields.Mutable}, so
 * writing them costs what it costs in Jetty. {@link #reset()} clears them and keeps the backing array, so
 * reusing the response allocates nothing; writes of content complete at once and discard it.
 */
public final class FakeJettyCoreResponse implements Response {

    private final Request request;
    private final HttpFields.Mutable headers = HttpFields.build(32);
    private int status = 200;
    private boolean statusSet;

    /**
     * Creates a response to {@code request}.
     *
     * @param request the request
     */
    public FakeJettyCoreResponse(Request request) {
        this.request = request;
    }

    /**
     * Whether a status was set since the last reset.
     *
     * @return true when {@link #setStatus} ran
     */
    public boolean statusSet() {
        return statusSet;
    }

    @Override
    public Request getRequest() {
        return request;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setStatus(int code) {
        status = code;
        statusSet = true;
    }

    @Override
    public HttpFields.Mutable getHeaders() {
        return headers;
    }

    @Override
    public Supplier<HttpFields> getTrailersSupplier() {
        return null;
    }

    @Override
    public void setTrailersSupplier(Supplier<HttpFields> trailers) {
        throw new UnsupportedOperationException("setTrailersSupplier");
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public boolean hasLastWrite() {
        return false;
    }

    @Override
    public boolean isCompletedSuccessfully() {
        return false;
    }

    @Override
    public void reset() {
        headers.clear();
        status = 200;
        statusSet = false;
    }

    @Override
    public CompletableFuture<Void> writeInterim(int status, HttpFields headers) {
        throw new UnsupportedOperationException("writeInterim");
    }

    @Override
    public void write(boolean last, ByteBuffer byteBuffer, Callback callback) {
        callback.succeeded();
    }
}
