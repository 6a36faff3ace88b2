package dev.corsfilter.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing an application does to its response, as {@link ScriptServlet} performs it. A script of steps
 * travels in a request header, so a generated test can ask a real server for any behaviour.
 *
 * @param action what to do
 * @param argument its argument, or the empty string
 */
record AppStep(Action action, String argument) {

    /** The request header carrying a script. */
    static final String SCRIPT_HEADER = "X-Script";

    /** What a step does. */
    enum Action {
        /** {@code setHeader("Vary", argument)}. */
        SET_VARY,
        /** {@code addHeader("Vary", argument)}. */
        ADD_VARY,
        /** {@code setHeader("Vary", null)}. */
        SET_VARY_NULL,
        /** {@code addHeader("Vary", null)}. */
        ADD_VARY_NULL,
        /** {@code setIntHeader("Vary", argument)}. */
        SET_VARY_INT,
        /** Header calls with a null name or value, as a careless application makes them; writes which threw. */
        ODD_ARGUMENTS,
        /** {@code addHeader(argument, "X-App")}, for a CORS header the application writes itself. */
        ADD_CORS_HEADER,
        /** Writes where the request is: servlet path, path info, query and dispatch type. */
        WRITE_PATH,
        /** {@code reset()}. */
        RESET,
        /** {@code resetBuffer()}. */
        RESET_BUFFER,
        /** {@code setStatus(argument)}. */
        STATUS,
        /** Writes the argument to the body. */
        WRITE,
        /** {@code flushBuffer()}, which commits the response. */
        FLUSH,
        /** Sets an {@code ETag} and answers 304 when the request's {@code If-None-Match} matches it; ends. */
        CONDITIONAL,
        /** {@code sendError(argument)}; ends. */
        SEND_ERROR,
        /** {@code sendRedirect}; ends. */
        REDIRECT,
        /** Throws; ends. */
        THROW,
        /** {@code request.startAsync()}: the steps up to the end of the async part run on another thread. */
        START_ASYNC,
        /** {@code request.startAsync(request, response)}, otherwise as {@link #START_ASYNC}. */
        START_ASYNC_WITH_OBJECTS,
        /** {@code asyncContext.complete()}; ends. */
        COMPLETE,
        /** {@code asyncContext.dispatch()}: the steps after it run in the ASYNC dispatch. */
        DISPATCH,
        /** {@code asyncContext.dispatch(argument)}, to another path, otherwise as {@link #DISPATCH}. */
        DISPATCH_TO;

        /** Whether nothing runs after this step. */
        boolean ends() {
            return this == CONDITIONAL || this == SEND_ERROR || this == REDIRECT || this == THROW || this == COMPLETE;
        }

        /** Whether the Servlet API forbids the step once the response is committed. */
        boolean needsUncommitted() {
            return this == RESET || this == RESET_BUFFER || this == SEND_ERROR || this == REDIRECT || this == THROW
                    || this == CONDITIONAL;
        }
    }

    static AppStep of(Action action) {
        return new AppStep(action, "");
    }

    static AppStep of(Action action, Object argument) {
        return new AppStep(action, String.valueOf(argument));
    }

    /** A script as one header value: steps separated by {@code ;}, an argument after {@code =}. */
    static String encode(List<AppStep> steps) {
        List<String> encoded = new ArrayList<>();
        steps.forEach(step -> encoded.add(step.argument().isEmpty() ? step.action().name()
                : step.action().name() + "=" + step.argument()));
        return String.join(";", encoded);
    }

    static List<AppStep> decode(String script) {
        List<AppStep> steps = new ArrayList<>();
        if (script == null || script.isEmpty()) {
            return steps;
        }
        for (String step : script.split(";")) {
            int equals = step.indexOf('=');
            steps.add(equals < 0 ? of(Action.valueOf(step))
                    : new AppStep(Action.valueOf(step.substring(0, equals)), step.substring(equals + 1)));
        }
        return steps;
    }

    @Override
    public String toString() {
        return argument.isEmpty() ? action.name() : action.name() + "(" + argument + ")";
    }
}
