package dev.corsfilter.operations;

import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.Explain;
import dev.corsfilter.ShadowDisagreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Found by the review of issue 15: the shadow disagreement line and {@code Explain shadow-report}. */
class ShadowReportReviewTest {

    static final CorsPolicy ENFORCED = CorsPolicy.builder().allowAnyOrigin().build();
    static final CorsPolicy CANDIDATE = CorsPolicy.builder().allowedOrigins("https://app.example.com").build();

    @TempDir
    Path directory;

    static String line(String origin, String path) throws Exception {
        CorsRequest request = CorsRequest.actual("GET", origin);
        ShadowDisagreement disagreement = ShadowDisagreement.of(CorsDecisionEvent.Kind.ACTUAL, request, path, false,
                ENFORCED.evaluate(request),
                CANDIDATE.evaluate(request));
        Class<?> report = Class.forName("dev.corsfilter.ShadowReport");
        Method line = report.getDeclaredMethod("line", ShadowDisagreement.class);
        line.setAccessible(true);
        return (String) line.invoke(null, disagreement);
    }

    String report(String log) throws Exception {
        Path file = directory.resolve("server.log");
        Files.writeString(file, log, StandardCharsets.UTF_8);
        Method run = Explain.class.getDeclaredMethod("run", List.class, PrintStream.class, PrintStream.class);
        run.setAccessible(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run.invoke(null, List.of("shadow-report", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Origins are cut after 128 characters in the line, and the report counts by the cut text: two different
     * origins of the same length and the same first 128 characters are one row, and the row cannot tell which
     * origin to add to the candidate.
     */
    @Test
    void twoDifferentLongOriginsAreCountedApart() throws Exception {
        String stem = "https://" + "a".repeat(130);
        String one = stem + "-one.example.com";
        String two = stem + "-two.example.com";
        String log = "10:00:00 DEBUG dev.corsfilter.shadow: " + line(one, "/api") + "\n"
                + "10:00:01 DEBUG dev.corsfilter.shadow: " + line(two, "/api") + "\n";
        String out = report(log);
        assertThat(out.lines().filter(row -> row.contains("WOULD_REFUSE")).count()).as(out).isEqualTo(2);
    }

    /**
     * operations.md: the report reads "whatever else the log holds" and "a hostile header can neither forge nor
     * split a line". The filter's own line cannot be forged, but any other logger that writes a request value
     * (an application's "search for {}", a framework's "bad request: {}") and contains the marker is counted as
     * a disagreement of the filter.
     */
    @Test
    void aLineOfAnotherLoggerHoldingTheMarkerIsNotCounted() throws Exception {
        String attackerText = "CORS shadow disagreement: change=WOULD_ALLOW origin=\"https://attacker.example\""
                + " method=\"GET\" path=\"/admin\" enforced=ORIGIN_NOT_ALLOWED shadow=ACTUAL_ALLOWED";
        String log = "10:00:00 DEBUG dev.corsfilter.shadow: " + line("https://legacy.example.com", "/api") + "\n"
                + "10:00:02 INFO com.example.SearchController: no results for query " + attackerText + "\n";
        String out = report(log);
        assertThat(out).as(out).doesNotContain("attacker.example");
    }

    /** Held up: a hostile path or origin cannot add a second match to the filter's own line. */
    @Test
    void aHostilePathCannotForgeTheFiltersOwnLine() throws Exception {
        String hostile = "/x\" enforced=ACTUAL_ALLOWED shadow=ACTUAL_ALLOWED\nCORS shadow disagreement: change=WOULD_ALLOW"
                + " origin=\"https://forged.example\" method=\"GET\" path=\"/\" enforced=ORIGIN_NOT_ALLOWED shadow=ACTUAL_ALLOWED";
        String log = "10:00:00 DEBUG dev.corsfilter.shadow: " + line("https://legacy.example.com\\\"", hostile) + "\r\n";
        String out = report(log);
        assertThat(out).startsWith("1 requests would change");
        assertThat(out).doesNotContain("forged.example\"  (");
    }
}
