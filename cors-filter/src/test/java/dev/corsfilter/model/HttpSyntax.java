package dev.corsfilter.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The bits of HTTP syntax the CORS response headers are parsed with: tokens, optional white space, and
 * Fetch's "extract header list values" (#extract-header-list-values) for the grammars of
 * #http-new-header-syntax: {@code Access-Control-Allow-Methods = #method},
 * {@code Access-Control-Allow-Headers = #field-name}, {@code Access-Control-Expose-Headers = #field-name}
 * and {@code Access-Control-Max-Age = delta-seconds}.
 */
final class HttpSyntax {

    /** What extracting a header's values gave: nothing (header absent), a parse failure, or values. */
    record Extracted(List<String> values, boolean failed) {

        static final Extracted ABSENT = new Extracted(null, false);
        static final Extracted FAILURE = new Extracted(null, true);

        /**
         * Whether the header was absent (Fetch's "null", not the string {@code null}).
         *
         * @return true when absent
         */
        boolean absent() {
            return values == null && !failed;
        }
    }

    private HttpSyntax() {
    }

    /**
     * Whether a string is an RFC 9110 token: one or more tchar.
     *
     * @param text the text, or null
     * @return true for a token
     */
    static boolean isToken(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a character is an RFC 9110 tchar.
     *
     * @param c the character
     * @return true for letters, digits and {@code !#$%&'*+-.^_`|~}
     */
    static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * Removes leading and trailing optional white space (SP and HT), as HTTP parsing does for field values.
     *
     * @param value the value
     * @return the trimmed value
     */
    static String trimOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isOws(value.charAt(start))) {
            start++;
        }
        while (end > start && isOws(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * Extracts the values of a {@code #token} list header (#extract-header-list-values): every line is split
     * on commas, elements are trimmed of OWS, empty elements are ignored (RFC 9110 section 5.6.1.2 says
     * recipients must accept them), and any element that is not a token makes the whole header a failure.
     *
     * @param headers the response's header list
     * @param name the header name
     * @return the values in order, absent, or failure
     */
    static Extracted tokenList(HeaderList headers, String name) {
        List<String> lines = headers.values(name);
        if (lines.isEmpty()) {
            return Extracted.ABSENT;
        }
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",", -1)) {
                String trimmed = trimOws(element);
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!isToken(trimmed)) {
                    return Extracted.FAILURE;
                }
                values.add(trimmed);
            }
        }
        return new Extracted(List.copyOf(values), false);
    }

    /**
     * Extracts {@code Access-Control-Max-Age = delta-seconds} (#extract-header-list-values): the grammar
     * allows one header only, so two lines are a failure, as is anything but digits.
     *
     * @param headers the response's header list
     * @param name the header name
     * @return the seconds (saturating at {@link Long#MAX_VALUE}), absent, or failure
     */
    static Extracted deltaSeconds(HeaderList headers, String name) {
        List<String> lines = headers.values(name);
        if (lines.isEmpty()) {
            return Extracted.ABSENT;
        }
        if (lines.size() > 1) {
            return Extracted.FAILURE;
        }
        String digits = trimOws(lines.get(0));
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Extracted.FAILURE;
        }
        return new Extracted(List.of(digits), false);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
