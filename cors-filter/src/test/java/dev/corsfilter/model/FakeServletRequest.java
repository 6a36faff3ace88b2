package dev.corsfilter.model;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written in-memory {@link HttpServletRequest} for a {@link WireRequest}, for calling the filter
 * without a container.
 *
 * <p>The servlet interfaces have about a hundred methods and the filter uses a dozen, so instead of a
 * class full of stubs this object answers through a {@link Proxy}: the methods below are implemented
 * with real state (headers, attributes); any other method throws {@link UnsupportedOperationException}
 * naming it, so a new dependency of the filter on the request shows up as a clear test failure rather
 * than a silent default.
 */
final class FakeServletRequest implements InvocationHandler {

    private final WireRequest wire;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private FakeServletRequest(WireRequest wire) {
        this.wire = wire;
    }

    /**
     * A servlet request for a wire request, on the REQUEST dispatch, at context path {@code ""} with the whole
     * path as servlet path.
     *
     * @param wire the request
     * @return the servlet request
     */
    static HttpServletRequest of(WireRequest wire) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, new FakeServletRequest(wire));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String path = wire.url().getRawPath() == null || wire.url().getRawPath().isEmpty() ? "/" : wire.url().getRawPath();
        return switch (method.getName()) {
            case "getMethod" -> wire.method();
            case "getHeader" -> wire.headers().values((String) args[0]).stream().findFirst().orElse(null);
            case "getHeaders" -> Collections.enumeration(wire.headers().values((String) args[0]));
            case "getHeaderNames" -> Collections.enumeration(wire.headers().names());
            case "getDispatcherType" -> DispatcherType.REQUEST;
            case "getRequestURI", "getServletPath" -> path;
            case "getPathInfo" -> null;
            case "getContextPath" -> "";
            case "getQueryString" -> wire.url().getRawQuery();
            case "getScheme" -> wire.url().getScheme();
            case "getServerName" -> wire.url().getHost();
            case "getServerPort" -> wire.url().getPort() != -1 ? wire.url().getPort()
                    : "https".equals(wire.url().getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
            case "getRequestURL" -> new StringBuffer(wire.url().getScheme() + "://" + wire.url().getRawAuthority() + path);
            case "getAttribute" -> attributes.get((String) args[0]);
            case "setAttribute" -> {
                attributes.put((String) args[0], args[1]);
                yield null;
            }
            case "removeAttribute" -> {
                attributes.remove((String) args[0]);
                yield null;
            }
            case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
            case "isAsyncStarted", "isAsyncSupported" -> false;
            case "toString" -> "FakeServletRequest[" + wire.method() + " " + wire.url() + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("FakeServletRequest does not implement " + method);
        };
    }
}
