package dev.corsfilter.internal;

/**
 * A header whose value is a comma-separated list, which RFC 9110 section 5.3 lets a sender spread over any
 * number of lines: the lines together are one list. Members are compared ignoring case and the optional
 * white space around them, as for field names and tokens such as {@code Vary} members, {@code Connection}
 * options and {@code Upgrade} protocols. Nothing here allocates.
 */
public final class FieldList {

    private FieldList() {
    }

    /**
     * Tells whether any line lists {@code member}.
     *
     * @param lines the header's lines; null lines are skipped
     * @param member the member, e.g. {@code Origin}
     * @return true when a member of any line equals it, ignoring case
     */
    public static boolean contains(Iterable<String> lines, String member) {
        return contains(lines, member, 0, member.length());
    }

    /** Whether any line lists the member {@code name[nameStart, nameEnd)}. */
    static boolean contains(Iterable<String> lines, CharSequence name, int nameStart, int nameEnd) {
        for (String line : lines) {
            if (line != null && contains(line, 0, line.length(), name, nameStart, nameEnd)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list in {@code list[from, to)} has the member {@code name[nameStart, nameEnd)}. */
    static boolean contains(CharSequence list, int from, int to, CharSequence name, int nameStart, int nameEnd) {
        int i = from;
        while (i <= to) {
            int start = i;
            while (start < to && isWhiteSpace(list.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < to && list.charAt(end) != ',') {
                end++;
            }
            int next = end + 1;
            while (end > start && isWhiteSpace(list.charAt(end - 1))) {
                end--;
            }
            if (end - start == nameEnd - nameStart && regionMatchesIgnoreCase(list, start, name, nameStart, nameEnd)) {
                return true;
            }
            i = next;
        }
        return false;
    }

    /** Optional white space around list members (RFC 9110 section 5.6.3). */
    static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean regionMatchesIgnoreCase(CharSequence list, int start, CharSequence name, int nameStart,
                                                   int nameEnd) {
        for (int k = 0; k < nameEnd - nameStart; k++) {
            if (Character.toLowerCase(list.charAt(start + k)) != Character.toLowerCase(name.charAt(nameStart + k))) {
                return false;
            }
        }
        return true;
    }
}
