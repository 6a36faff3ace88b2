package dev.corsfilter.browser;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * Records every request in the {@link RequestLog}; registered first, for the REQUEST dispatch only, so it
 * sees pre-flights the CORS filter answers and each request exactly once.
 */
public class RequestLogFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            String requestMethod = http.getHeader("Access-Control-Request-Method");
            String origin = http.getHeader("Origin");
            boolean preflight = "OPTIONS".equals(http.getMethod()) && origin != null && requestMethod != null;
            RequestLog.arrived(http.getQueryString(), new RequestLog.Arrival(http.getMethod(), preflight, requestMethod,
                    http.getHeader("Access-Control-Request-Headers"), origin, http.getHeader("Cookie") != null));
        }
        chain.doFilter(request, response);
    }
}
