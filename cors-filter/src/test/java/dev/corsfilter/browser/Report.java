package dev.corsfilter.browser;

import java.util.List;

/** Formats what the browser tests print: one line per case, and a failure message naming the broken rule. */
public final class Report {

    private Report() {
    }

    /**
     * One line for the test output.
     *
     * @param run the run's name, e.g. {@code matrix}
     * @param browserCase the case
     * @param expected what was expected
     * @param seen what was observed
     * @param mismatches the differences
     * @return e.g. {@code [matrix] PASS cred/put-allowed | expected ... | observed ...}
     */
    public static String line(String run, BrowserCase browserCase, Expected expected, Observation seen,
                              List<String> mismatches) {
        return "[" + run + "] " + (mismatches.isEmpty() ? "PASS " : "FAIL ") + browserCase.id()
                + " (" + browserCase.page() + " page, " + browserCase.request().method() + " "
                + browserCase.request().endpoint() + ") | expected " + expected.describe() + " | observed "
                + seen.describe();
    }

    /**
     * The assertion description shown when a case fails.
     *
     * @param browserCase the case
     * @param expected what was expected
     * @param seen what was observed
     * @return several lines
     */
    public static String failure(BrowserCase browserCase, Expected expected, Observation seen) {
        return browserCase.id() + ": " + browserCase.request()
                + "\n  rule:     " + expected.citation()
                + "\n  expected: " + expected.describe()
                + "\n  observed: " + seen.describe();
    }
}
