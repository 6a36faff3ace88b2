package dev.corsfilter.model;

import java.math.BigInteger;

/**
 * Fetch's "parse a single range header value" (#simple-range-header-value) with white space not allowed,
 * as the CORS-safelisting of {@code Range} uses it: {@code bytes=N-} or {@code bytes=N-M} with
 * {@code N <= M}. A suffix range ({@code bytes=-500}) parses but is not safelisted, because browsers never
 * emitted one; a list of ranges does not parse.
 */
final class SingleRange {

    private SingleRange() {
    }

    /**
     * Whether a {@code Range} value is one the CORS safelist accepts.
     *
     * @param value the header value
     * @return true for {@code bytes=N-} and {@code bytes=N-M} with {@code N <= M}
     */
    static boolean isSafelisted(String value) {
        if (!value.startsWith("bytes")) {
            return false;
        }
        int position = "bytes".length();
        if (position >= value.length() || value.charAt(position) != '=') {
            return false;
        }
        position++;
        int startDigits = position;
        while (position < value.length() && isDigit(value.charAt(position))) {
            position++;
        }
        String start = value.substring(startDigits, position);
        if (position >= value.length() || value.charAt(position) != '-') {
            return false;
        }
        position++;
        int endDigits = position;
        while (position < value.length() && isDigit(value.charAt(position))) {
            position++;
        }
        String end = value.substring(endDigits, position);
        if (position != value.length() || start.isEmpty() && end.isEmpty()) {
            return false;
        }
        if (!start.isEmpty() && !end.isEmpty() && new BigInteger(start).compareTo(new BigInteger(end)) > 0) {
            return false;
        }
        // The parse succeeded; the safelist additionally needs a first byte position (#cors-safelisted-request-header).
        return !start.isEmpty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
