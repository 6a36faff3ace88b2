package dev.corsfilter.integrity;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An application that does what the request's {@link AppStep#SCRIPT_HEADER} says, step by step, on the
 * request thread, then on an async thread through {@code AsyncContext.getResponse()}, then in the ASYNC
 * dispatch. A step the Servlet API forbids on a committed response is skipped once it is committed, so that
 * every script gives a complete, well-formed response, with or without the CORS filter.
 */
final class ScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String POSITION = ScriptServlet.class.getName() + ".position";
    /** The entity tag of every conditional step, and the value a request sends to get its 304. */
    static final String ETAG = "\"v1\"";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        List<AppStep> steps = AppStep.decode(request.getHeader(AppStep.SCRIPT_HEADER));
        int from = request.getAttribute(POSITION) instanceof Integer position ? position : 0;
        for (int i = from; i < steps.size(); i++) {
            AppStep step = steps.get(i);
            if (step.action() == AppStep.Action.START_ASYNC || step.action() == AppStep.Action.START_ASYNC_WITH_OBJECTS) {
                AsyncContext async = step.action() == AppStep.Action.START_ASYNC
                        ? request.startAsync() : request.startAsync(request, response);
                async.setTimeout(10_000);
                int next = i + 1;
                async.start(() -> runAsync(steps, next, async));
                return;
            }
            if (perform(step, request, response)) {
                return;
            }
        }
    }

    /** Runs the async part: up to a complete, a dispatch or the end of the script, which completes. */
    private static void runAsync(List<AppStep> steps, int from, AsyncContext async) {
        HttpServletRequest request = (HttpServletRequest) async.getRequest();
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        try {
            for (int i = from; i < steps.size(); i++) {
                AppStep step = steps.get(i);
                if (step.action() == AppStep.Action.DISPATCH || step.action() == AppStep.Action.DISPATCH_TO) {
                    request.setAttribute(POSITION, i + 1);
                    if (step.action() == AppStep.Action.DISPATCH) {
                        async.dispatch();
                    } else {
                        async.dispatch(step.argument());
                    }
                    return;
                }
                if (step.action() == AppStep.Action.COMPLETE || perform(step, request, response)) {
                    break;
                }
            }
        } catch (IOException | ServletException | RuntimeException e) {
            // As an application's error handling would: stop writing. The test sees what was written.
        }
        async.complete();
    }

    /** Performs one step; tells whether the script ends here. */
    private static boolean perform(AppStep step, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (step.action().needsUncommitted() && response.isCommitted()) {
            return step.action().ends();
        }
        switch (step.action()) {
            case SET_VARY -> response.setHeader("Vary", step.argument());
            case ADD_VARY -> response.addHeader("Vary", step.argument());
            case SET_VARY_NULL -> response.setHeader("Vary", null);
            case ADD_VARY_NULL -> response.addHeader("Vary", null);
            case SET_VARY_INT -> response.setIntHeader("Vary", Integer.parseInt(step.argument()));
            case ODD_ARGUMENTS -> oddArguments(response);
            case ADD_CORS_HEADER -> response.addHeader(step.argument(), "X-App");
            case WRITE_PATH -> write(response, "[" + request.getServletPath() + "|" + request.getPathInfo() + "|"
                    + request.getQueryString() + "|" + request.getDispatcherType() + "]");
            case RESET -> response.reset();
            case RESET_BUFFER -> response.resetBuffer();
            case STATUS -> response.setStatus(Integer.parseInt(step.argument()));
            case WRITE -> write(response, step.argument());
            case FLUSH -> response.flushBuffer();
            case CONDITIONAL -> {
                response.setHeader("ETag", ETAG);
                if (ETAG.equals(request.getHeader("If-None-Match"))) {
                    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                } else {
                    write(response, "fresh");
                }
            }
            case SEND_ERROR -> response.sendError(Integer.parseInt(step.argument()));
            case REDIRECT -> response.sendRedirect("/elsewhere");
            case THROW -> throw new ServletException("thrown by the script (expected by the test)");
            default -> throw new IllegalArgumentException("not a step of its own: " + step);
        }
        return step.action().ends();
    }

    /**
     * Each call alone, so that a container refusing one still gets the others; which ones threw is written
     * to the body while it can be, so that a difference the filter makes shows.
     */
    private static void oddArguments(HttpServletResponse response) {
        List<Runnable> calls = List.of(() -> response.setHeader(null, "x"), () -> response.addHeader(null, "x"),
                () -> response.setHeader("X-Odd", null), () -> response.addHeader("X-Odd", null),
                () -> response.setIntHeader(null, 1), () -> response.addDateHeader(null, 0),
                () -> response.setHeader("", "x"), () -> response.setHeader("Access-Control-Allow-Origin", null));
        StringBuilder threw = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            try {
                calls.get(i).run();
            } catch (RuntimeException e) {
                threw.append(i).append(' ').append(e.getClass().getSimpleName()).append(';');
            }
        }
        if (!response.isCommitted()) {
            write(response, "odd[" + threw + "]");
        }
    }

    private static void write(HttpServletResponse response, String text) {
        try {
            response.getWriter().print(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
