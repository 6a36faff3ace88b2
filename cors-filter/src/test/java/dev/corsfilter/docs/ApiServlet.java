package dev.corsfilter.docs;

// tag::api-servlet[]
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Stands for your application: a JSON endpoint, asynchronous like many real ones. */
public class ApiServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        async.start(() -> {
            try {
                response.setContentType("application/json");
                response.getWriter().write("{\"method\":\"" + request.getMethod() + "\"}");
            } catch (IOException e) {
                response.setStatus(500);
            } finally {
                async.complete();
            }
        });
    }
}
// end::api-servlet[]
