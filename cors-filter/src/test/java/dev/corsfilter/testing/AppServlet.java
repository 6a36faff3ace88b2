package dev.corsfilter.testing;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A servlet whose every request, whatever the method, is answered by one lambda: the application under test. */
public final class AppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What the application does with a request. */
    @FunctionalInterface
    public interface Body {

        /**
         * Answers a request.
         *
         * @param request the request
         * @param response the response
         * @throws IOException as a servlet may
         * @throws ServletException as a servlet may
         */
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    private final transient Body body;

    private AppServlet(Body body) {
        this.body = body;
    }

    /**
     * Makes a servlet.
     *
     * @param body what it does
     * @return the servlet
     */
    public static AppServlet of(Body body) {
        return new AppServlet(body);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        body.handle(request, response);
    }
}
