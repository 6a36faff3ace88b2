package dev.corsfilter.internal;

/**
 * The {@code Vary} header as what RFC 9110 says it is: one list of field names spread over any number of
 * lines (sections 5.3 and 12.5.5), whose members compare ignoring case, and where {@code *} already varies
 * on everything. The filter only ever adds members that are missing, as a line of their own, so every member
 * any other party put there stays.
 */
public final class VaryHeader {

    private VaryHeader() {
    }

    /**
     * Returns the members of {@code candidates} that no line lists, each once.
     *
     * @param lines the header's current lines
     * @param candidates a comma-separated list of names to add, e.g. {@code Origin}
     * @return those of {@code candidates} still missing, comma-separated; {@code candidates} itself when
     *     none was listed or repeated, so the usual case builds no string; null when none is missing
     */
    public static String missing(Iterable<String> lines, String candidates) {
        int kept = scan(lines, candidates, null);
        if (kept == 0) {
            return null;
        }
        int members = 1;
        for (int i = candidates.indexOf(','); i >= 0; i = candidates.indexOf(',', i + 1)) {
            members++;
        }
        if (kept == members) {
            return candidates;
        }
        StringBuilder missing = new StringBuilder();
        scan(lines, candidates, missing);
        return missing.toString();
    }

    /**
     * Counts the members of {@code candidates} that are not empty, not listed by any line and not a repeat of
     * an earlier candidate, and appends them to {@code out} when it is given.
     */
    private static int scan(Iterable<String> lines, String candidates, StringBuilder out) {
        int kept = 0;
        int i = 0;
        while (i <= candidates.length()) {
            int comma = candidates.indexOf(',', i);
            int end = comma < 0 ? candidates.length() : comma;
            int start = i;
            while (start < end && FieldList.isWhiteSpace(candidates.charAt(start))) {
                start++;
            }
            int stop = end;
            while (stop > start && FieldList.isWhiteSpace(candidates.charAt(stop - 1))) {
                stop--;
            }
            boolean listed = start == stop || FieldList.contains(lines, candidates, start, stop)
                    || FieldList.contains(candidates, 0, start, candidates, start, stop);
            if (!listed) {
                kept++;
                if (out != null) {
                    out.append(out.length() == 0 ? "" : ", ").append(candidates, start, stop);
                }
            }
            i = end + 1;
        }
        return kept;
    }

    /**
     * Tells whether any line lists {@code *}, which makes the response vary on everything already.
     *
     * @param lines the header's lines
     * @return true when a member is {@code *}
     */
    public static boolean isWildcard(Iterable<String> lines) {
        return FieldList.contains(lines, "*");
    }
}
