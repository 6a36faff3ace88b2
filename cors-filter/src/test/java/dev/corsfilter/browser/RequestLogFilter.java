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
            RequestLog.arrived(http);
        }
        chain.doFilter(request, response);
    }
}
