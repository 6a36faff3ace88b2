package dev.corsfilter.model;

import jakarta.servlet.http.HttpServletResponse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * A hand-written in-memory {@link HttpServletResponse} that records status, headers and body, behaving
 * like a container where it matters to a CORS filter: {@code setHeader} replaces every value of a name
 * (names are case-insensitive), {@code addHeader} appends one, {@code sendError} and {@code flushBuffer}
 * commit the response, header changes after the commit are ignored, and {@code reset} after the commit
 * throws. Built on a {@link Proxy} like {@link FakeServletRequest}, for the same reason: unimplemented
 * methods throw instead of quietly doing nothing.
 */
final class FakeServletResponse implements InvocationHandler {

    private final StringWriter body = new StringWriter();
    private final PrintWriter writer = new PrintWriter(body);
    private final HttpServletResponse proxy;
    private int status = 200;
    private HeaderList headers = HeaderList.empty();
    private boolean committed;

    FakeServletResponse() {
        this.proxy = (HttpServletResponse) Proxy.newProxyInstance(FakeServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, this);
    }

    /**
     * The servlet view of this response.
     *
     * @return the response to give the filter
     */
    HttpServletResponse servletResponse() {
        return proxy;
    }

    /**
     * What a client would receive.
     *
     * @return the status, headers and body
     */
    WireResponse toWire() {
        writer.flush();
        return new WireResponse(status, headers, body.toString());
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "setStatus" -> {
                if (!committed) {
                    status = (Integer) args[0];
                }
                yield null;
            }
            case "getStatus" -> status;
            case "setHeader" -> change(() -> headers = args[1] == null ? headers.without((String) args[0])
                    : headers.set((String) args[0], (String) args[1]));
            case "addHeader" -> change(() -> headers = headers.with((String) args[0], (String) args[1]));
            case "setIntHeader" -> change(() -> headers = headers.set((String) args[0], String.valueOf(args[1])));
            case "addIntHeader" -> change(() -> headers = headers.with((String) args[0], String.valueOf(args[1])));
            case "getHeader" -> headers.values((String) args[0]).stream().findFirst().orElse(null);
            case "getHeaders" -> List.copyOf(headers.values((String) args[0]));
            case "getHeaderNames" -> List.copyOf(headers.names());
            case "containsHeader" -> headers.contains((String) args[0]);
            case "setContentLength", "setContentLengthLong" ->
                    change(() -> headers = headers.set("Content-Length", String.valueOf(args[0])));
            case "setContentType" -> change(() -> headers = args[0] == null ? headers.without("Content-Type")
                    : headers.set("Content-Type", (String) args[0]));
            case "getContentType" -> headers.get("Content-Type");
            case "setCharacterEncoding", "setLocale", "setBufferSize" -> null;
            case "getCharacterEncoding" -> "UTF-8";
            case "getWriter" -> writer;
            case "isCommitted" -> committed;
            case "flushBuffer" -> {
                committed = true;
                yield null;
            }
            case "sendError" -> {
                requireNotCommitted();
                status = (Integer) args[0];
                committed = true;
                yield null;
            }
            case "sendRedirect" -> {
                requireNotCommitted();
                status = args.length >= 2 && args[1] instanceof Integer code ? code : 302;
                headers = headers.set("Location", (String) args[0]);
                committed = true;
                yield null;
            }
            case "reset" -> {
                requireNotCommitted();
                status = 200;
                headers = HeaderList.empty();
                body.getBuffer().setLength(0);
                yield null;
            }
            case "resetBuffer" -> {
                requireNotCommitted();
                body.getBuffer().setLength(0);
                yield null;
            }
            case "toString" -> "FakeServletResponse[" + status + " " + headers + "]";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException("FakeServletResponse does not implement " + method);
        };
    }

    /** Applies a header change unless the response is committed, as containers do. */
    private Object change(Runnable change) {
        if (!committed) {
            change.run();
        }
        return null;
    }

    private void requireNotCommitted() {
        if (committed) {
            throw new IllegalStateException("response already committed");
        }
    }
}
