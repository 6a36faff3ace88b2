package dev.corsfilter.operations;

import dev.corsfilter.CorsDecisionListener;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the review of issue 15: "Exceptions from a listener are caught, rate-limited in the log, and never change the
 * response" (operations.md: "What a listener throws is caught ... The response is never changed").
 */
class ListenerFailureReviewTest {

    static final String APP = "https://app.example.com";
    static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).build();

    static WebApp app(CorsFilter filter) {
        return new WebApp().context("", context -> context
                .filter("cors", filter, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR))
                .servlet("/", AppServlet.of((request, response) -> {
                    if (request.getServletPath().equals("/sleep")) {
                        // Any blocking call of the application: JDBC, HttpClient, a lock, a queue...
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("application interrupted", e);
                        }
                    }
                    response.getWriter().print("ok");
                })));
    }

    /** An exception whose description cannot be computed, e.g. a message built lazily from a closed resource. */
    static final class BadToString extends RuntimeException {
        @Override
        public String toString() {
            throw new IllegalStateException("toString failed");
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage failed");
        }
    }

    @Test
    void aListenerExceptionWhoseToStringThrowsChangesNoResponse() {
        CorsFilter filter = new CorsFilter(POLICY);
        filter.addDecisionListener(event -> {
            throw new BadToString();
        });
        try (RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Response response = RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
                assertThat(response.status()).as("request %d", i).isEqualTo(200);
                assertThat(response.body()).as("request %d", i).isEqualTo("ok");
            }
        }
    }

    @Test
    void aListenerThrowingInternalErrorChangesNoResponse() {
        // InternalError is a VirtualMachineError, but libraries throw it for "cannot happen" states.
        CorsFilter filter = new CorsFilter(POLICY);
        filter.addDecisionListener(event -> {
            throw new InternalError("metrics library bug");
        });
        try (RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Test
    void aListenerThrowingInterruptedExceptionLeavesTheRequestThreadUninterrupted() {
        CorsFilter filter = new CorsFilter(POLICY);
        filter.addDecisionListener(event -> sneakyThrow(new InterruptedException("queue.put interrupted")));
        try (RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/sleep", "Origin", APP);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok");
        }
    }

    @Test
    void aListenerExceptionWithToStringThrowingFromAPreflightChangesNoResponse() {
        CorsFilter filter = new CorsFilter(POLICY);
        filter.addDecisionListener(event -> {
            throw new BadToString();
        });
        try (RunningServer server = ServletEngine.TOMCAT.start(app(filter))) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Response response = RawHttp.send(server.port(), "OPTIONS", "/items", "Origin", APP,
                        "Access-Control-Request-Method", "GET");
                assertThat(response.status()).as("pre-flight %d", i).isEqualTo(204);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    static CorsDecisionListener unused() {
        return event -> { };
    }
}
