package dev.corsfilter;

import java.util.List;

/**
 * Thrown when a CORS policy cannot be built because of one or more problems; it carries all of them, so
 * that a single attempt shows everything that needs fixing.
 */
public final class InvalidCorsPolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Kept as an immutable list of immutable records, so serialising it is safe. */
    @SuppressWarnings("serial")
    private final List<PolicyProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems found, at least one
     */
    public InvalidCorsPolicyException(List<PolicyProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidCorsPolicyException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems, in the order they were found.
     *
     * @return an immutable, non-empty list
     */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String describe(List<PolicyProblem> problems) {
        StringBuilder text = new StringBuilder("Invalid CORS policy (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (PolicyProblem problem : problems) {
            text.append("\n  - ");
            oneLine(problem.toString(), text);
        }
        return text.toString();
    }

    /**
     * Appends a problem with its line breaks and other control characters escaped, so that each problem stays
     * one line of the log whatever the names and values it quotes hold.
     */
    private static void oneLine(String problem, StringBuilder text) {
        for (int i = 0; i < problem.length(); i++) {
            char c = problem.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
    }
}
