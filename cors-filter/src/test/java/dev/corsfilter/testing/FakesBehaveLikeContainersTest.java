package dev.corsfilter.testing;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FakeRequest} and {@link FakeResponse} answer as containers do, whichever container's costs they
 * imitate: only what they allocate differs.
 */
class FakesBehaveLikeContainersTest {

    @Test
    void requestHeadersAreLinesWhoseNamesIgnoreCase() {
        for (ContainerCosts costs : ContainerCosts.values()) {
            FakeRequest request = new FakeRequest("OPTIONS").costs(costs)
                    .headers("Origin", "https://a.example", "ACCEPT", "*/*", "origin", "https://b.example");

            assertThat(request.getHeader("ORIGIN")).as(costs.name()).isEqualTo("https://a.example");
            assertThat(request.getHeader("Access-Control-Request-Method")).as(costs.name()).isNull();
            assertThat(Collections.list(request.getHeaders("Origin"))).as(costs.name())
                    .containsExactly("https://a.example", "https://b.example");
            assertThat(Collections.list(request.getHeaders("X-Missing"))).as(costs.name()).isEmpty();
            assertThat(Collections.list(request.getHeaderNames())).as(costs.name()).containsExactly("Origin", "ACCEPT");
        }
    }

    @Test
    void setReplacesEveryLineNullRemovesThemAndAddAppends() {
        for (ContainerCosts costs : ContainerCosts.values()) {
            FakeResponse response = new FakeResponse().costs(costs);
            response.addHeader("Vary", "Accept");
            response.addHeader("vary", "Origin");
            response.addHeader("X-Other", "1");

            assertThat(response.getHeaders("VARY")).as(costs.name()).containsExactly("Accept", "Origin");
            response.setHeader("Vary", "Accept-Encoding");
            assertThat(response.lines()).as(costs.name()).extracting(line -> line[0] + ": " + line[1])
                    .containsExactly("Vary: Accept-Encoding", "X-Other: 1");
            response.setHeader("x-other", null);
            response.addHeader("X-Ignored", null);
            assertThat(response.getHeaderNames()).as(costs.name()).containsExactly("Vary");
            assertThat(response.containsHeader("X-Other")).as(costs.name()).isFalse();
        }
    }

    @Test
    void aCommittedResponseIgnoresChangesAndRefusesReset() {
        FakeResponse response = new FakeResponse();
        response.setHeader("X-Before", "1");
        response.getWriter().print("body");
        response.flushBuffer();

        response.setStatus(500);
        response.setHeader("X-After", "1");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.values("X-After")).isEmpty();
        assertThat(response.body()).isEqualTo("body");
        assertThatThrownBy(response::reset).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resetClearsWhatTheApplicationWroteAndRecycleClearsEverything() {
        FakeResponse response = new FakeResponse().recordWrites();
        response.setStatus(404);
        response.setHeader("X-Partial", "1");
        response.getWriter().print("partial");

        response.reset();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.lines()).isEmpty();
        assertThat(response.body()).isEmpty();
        assertThat(response.everyValueWritten()).containsExactly("1");
        response.sendError(403);
        response.recycle();
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.statusSet()).isFalse();
        assertThat(response.writes()).isEmpty();
    }

    @Test
    void recycleForgetsAttributesAndCanGiveHeaderValuesNewStrings() {
        FakeRequest request = new FakeRequest("GET").header("Origin", "https://a.example").freshHeaderValues(true);
        String before = request.getHeader("Origin");
        request.setAttribute("a", 1);

        request.recycle();

        assertThat(request.getAttribute("a")).isNull();
        assertThat(request.getHeader("Origin")).isEqualTo(before).isNotSameAs(before);
        assertThat(request.values("origin")).isEqualTo(List.of("https://a.example"));
    }
}
