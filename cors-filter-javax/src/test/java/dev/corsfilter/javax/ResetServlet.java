package dev.corsfilter.javax;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An application that sets headers, then clears the response with {@code reset()} and answers again, as
 * Spring's {@code DispatcherServlet} does on an exception: the CORS headers must survive the reset.
 */
public class ResetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Before-Reset", "yes");
        response.setHeader("Vary", "Accept");
        response.reset();
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        response.setContentType("text/plain");
        response.getWriter().print("answered after reset");
    }
}
