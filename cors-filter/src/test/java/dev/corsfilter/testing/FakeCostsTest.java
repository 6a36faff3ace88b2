package dev.corsfilter.testing;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Enumeration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what each accessor of {@link FakeRequest} and {@link FakeResponse} allocates per call, for each
 * {@link ContainerCosts}: the figures measured on Jetty 12 and Tomcat 11 that the benchmarks depend on. A
 * change that makes a plural accessor free again, or makes the fakes' own bookkeeping allocate, fails here
 * before it can flatter a benchmark.
 */
class FakeCostsTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int CALLS = 10_000;

    /** What one call allocates on average, after warming up (arrays grown, classes loaded). */
    private static long bytesPerCall(Runnable call) {
        for (int i = 0; i < 1_000; i++) {
            call.run();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        return (THREADS.getCurrentThreadAllocatedBytes() - before) / CALLS;
    }

    private static FakeRequest request(ContainerCosts costs) {
        return new FakeRequest("GET").costs(costs).headers("Host", "api.example.com", "Accept", "*/*",
                "Origin", "https://app.example.com", "X-Two", "a", "X-Two", "b");
    }

    private static FakeResponse response(ContainerCosts costs) {
        FakeResponse response = new FakeResponse().costs(costs);
        response.setHeader("Content-Language", "en");
        response.addHeader("Vary", "Accept-Encoding");
        response.addHeader("Vary", "Accept");
        return response;
    }

    private static void drain(Enumeration<String> values) {
        while (values.hasMoreElements()) {
            values.nextElement();
        }
    }

    @Test
    void requestLookupsScanWithoutAllocatingInBothContainers() {
        for (ContainerCosts costs : ContainerCosts.values()) {
            FakeRequest request = request(costs);

            assertThat(bytesPerCall(() -> request.getHeader("origin"))).as(costs + " hit").isZero();
            assertThat(bytesPerCall(() -> request.getHeader("Access-Control-Request-Method"))).as(costs + " miss")
                    .isZero();
        }
    }

    @Test
    void requestValuesCostAJettyIteratorAndEnumerationOrATomcatEnumerator() {
        for (String name : new String[] {"Origin", "X-Two", "Access-Control-Request-Method"}) {
            FakeRequest jetty = request(ContainerCosts.JETTY);
            FakeRequest tomcat = request(ContainerCosts.TOMCAT);

            assertThat(bytesPerCall(() -> drain(jetty.getHeaders(name)))).as("Jetty, " + name).isEqualTo(56);
            assertThat(bytesPerCall(() -> drain(tomcat.getHeaders(name)))).as("Tomcat, " + name).isEqualTo(32);
        }
    }

    @Test
    void requestNamesCostANewSetInJettyAndAnEnumeratorInTomcat() {
        FakeRequest jetty = request(ContainerCosts.JETTY);
        FakeRequest tomcat = request(ContainerCosts.TOMCAT);

        assertThat(bytesPerCall(() -> drain(jetty.getHeaderNames()))).isGreaterThanOrEqualTo(200);
        assertThat(bytesPerCall(() -> drain(tomcat.getHeaderNames()))).isEqualTo(32);
    }

    @Test
    void responseLookupsCostTwoIteratorsInJettyAndNothingInTomcat() {
        FakeResponse jetty = response(ContainerCosts.JETTY);
        FakeResponse tomcat = response(ContainerCosts.TOMCAT);

        for (String name : new String[] {"vary", "Access-Control-Allow-Origin"}) {
            assertThat(bytesPerCall(() -> jetty.getHeader(name))).as("Jetty, " + name).isEqualTo(48);
            assertThat(bytesPerCall(() -> jetty.containsHeader(name))).as("Jetty, " + name).isEqualTo(48);
            assertThat(bytesPerCall(() -> tomcat.getHeader(name))).as("Tomcat, " + name).isZero();
            assertThat(bytesPerCall(() -> tomcat.containsHeader(name))).as("Tomcat, " + name).isZero();
        }
    }

    /** The collection itself; iterating it is the caller's cost. */
    @Test
    void responseValuesCostANewCollection() {
        FakeResponse jetty = response(ContainerCosts.JETTY);
        FakeResponse tomcat = response(ContainerCosts.TOMCAT);

        assertThat(bytesPerCall(() -> jetty.getHeaders("Access-Control-Allow-Origin"))).isEqualTo(72);
        assertThat(bytesPerCall(() -> jetty.getHeaders("Content-Language"))).isEqualTo(128);
        assertThat(bytesPerCall(() -> jetty.getHeaders("Vary"))).isEqualTo(128);
        assertThat(bytesPerCall(() -> tomcat.getHeaders("Access-Control-Allow-Origin"))).isEqualTo(96);
        assertThat(bytesPerCall(() -> tomcat.getHeaders("Content-Language"))).isEqualTo(216);
        assertThat(bytesPerCall(() -> tomcat.getHeaders("Vary"))).isEqualTo(256);
        assertThat(bytesPerCall(() -> jetty.getHeaderNames())).isBetween(200L, 400L);
        assertThat(bytesPerCall(() -> tomcat.getHeaderNames())).isEqualTo(80);
    }

    @Test
    void writesCostAFieldInJettyAndNothingInTomcat() {
        FakeResponse jetty = response(ContainerCosts.JETTY);
        FakeResponse tomcat = response(ContainerCosts.TOMCAT);

        assertThat(bytesPerCall(() -> jetty.setHeader("Content-Language", "de"))).isEqualTo(80);
        assertThat(bytesPerCall(() -> {
            jetty.addHeader("X-Added", "1");
            jetty.setHeader("X-Added", null);
        })).as("a field, then a scan to remove it").isEqualTo(32 + 48);
        assertThat(bytesPerCall(() -> {
            tomcat.setHeader("Content-Language", "de");
            tomcat.addHeader("X-Added", "1");
            tomcat.setHeader("X-Added", null);
        })).isZero();
    }

    @Test
    void attributesCostAnEntryPerNewName() {
        for (ContainerCosts costs : ContainerCosts.values()) {
            FakeRequest request = request(costs);
            request.setAttribute("kept", "value");

            assertThat(bytesPerCall(() -> request.getAttribute("kept"))).as(costs.name()).isZero();
            assertThat(bytesPerCall(() -> request.setAttribute("kept", "other"))).as(costs.name()).isZero();
            assertThat(bytesPerCall(() -> {
                request.setAttribute("new", Boolean.TRUE);
                request.removeAttribute("new");
            })).as(costs.name()).isEqualTo(24);
        }
    }

    @Test
    void everythingElseAllocatesNothing() {
        for (ContainerCosts costs : ContainerCosts.values()) {
            FakeRequest request = request(costs).asyncSupported(true);
            FakeResponse response = response(costs);

            assertThat(bytesPerCall(() -> {
                request.getMethod();
                request.getDispatcherType();
                request.isAsyncSupported();
                request.getRequestURI();
                request.getServletPath();
                request.getPathInfo();
                response.setStatus(204);
                response.getStatus();
                response.setContentLength(0);
                response.getOutputStream();
                response.getWriter();
                request.recycle();
                response.recycle();
            })).as(costs.name()).isZero();
        }
    }
}
