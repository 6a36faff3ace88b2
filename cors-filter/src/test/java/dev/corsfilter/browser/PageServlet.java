package dev.corsfilter.browser;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;

/** Serves the probe page, {@code browser/probe.html} from the test class path, as the page origins. */
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Where the page is served. */
    public static final String PATH = "/probe.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream page = PageServlet.class.getResourceAsStream("/browser/probe.html")) {
            if (page == null) {
                throw new IllegalStateException("browser/probe.html is missing from the test class path");
            }
            response.setContentType("text/html;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            page.transferTo(response.getOutputStream());
        }
    }
}
