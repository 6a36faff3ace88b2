package dev.corsfilter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/**
 * The container's async context of a request started with {@code startAsync()} and no arguments, with one
 * difference: {@link #getResponse()} is the filter's response rather than the container's own, here and in the
 * events its listeners receive. Everything else (where {@code dispatch()} goes, timeouts,
 * {@code hasOriginalRequestAndResponse()}) is the container's, unchanged.
 */
final class CorsAsyncContext implements AsyncContext {

    private final AsyncContext container;
    private final CorsResponse response;

    /**
     * Decorates an async context.
     *
     * @param container the container's async context
     * @param response the filter's response for the request
     */
    CorsAsyncContext(AsyncContext container, CorsResponse response) {
        this.container = container;
        this.response = response;
    }

    @Override
    public ServletRequest getRequest() {
        return container.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return response;
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return container.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        container.dispatch();
    }

    @Override
    public void dispatch(String path) {
        container.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        container.dispatch(context, path);
    }

    @Override
    public void complete() {
        container.complete();
    }

    @Override
    public void start(Runnable run) {
        container.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        container.addListener(new Listener(listener, this));
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        container.addListener(new Listener(listener, this), request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return container.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
        container.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return container.getTimeout();
    }

    /** Hands the application's listener events whose async context is this one. */
    private record Listener(AsyncListener listener, CorsAsyncContext context) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            listener.onComplete(reissue(event));
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            listener.onTimeout(reissue(event));
        }

        @Override
        public void onError(AsyncEvent event) throws IOException {
            listener.onError(reissue(event));
        }

        @Override
        public void onStartAsync(AsyncEvent event) throws IOException {
            listener.onStartAsync(reissue(event));
        }

        private AsyncEvent reissue(AsyncEvent event) {
            return new AsyncEvent(context, event.getSuppliedRequest(), event.getSuppliedResponse(), event.getThrowable());
        }
    }
}
