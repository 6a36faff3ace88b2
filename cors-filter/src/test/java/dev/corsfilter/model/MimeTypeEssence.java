package dev.corsfilter.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The part of the MIME Sniffing Standard's "parse a MIME type" (mimesniff #parse-a-mime-type) that decides
 * whether a {@code Content-Type} is CORS-safelisted: whether the value parses at all, and its essence
 * ({@code type/subtype}, lower-cased).
 *
 * <p>Parameters never make the parse fail (invalid ones are skipped by that algorithm), so they are not
 * read here. Fetch deliberately uses this strict parser rather than "extract a MIME type"
 * (#cors-safelisted-request-header, note under {@code content-type}): {@code text/plain,x/x} or
 * {@code text /plain} fail here and therefore need a pre-flight.
 */
final class MimeTypeEssence {

    private MimeTypeEssence() {
    }

    /**
     * Parses a MIME type and returns its essence.
     *
     * @param value the header value, isomorphic-decoded
     * @return the lower-case essence, or empty when parsing fails
     */
    static Optional<String> of(String value) {
        String input = trimHttpWhitespace(value);
        int slash = input.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String type = input.substring(0, slash);
        int semicolon = input.indexOf(';', slash + 1);
        String subtype = trimTrailingHttpWhitespace(input.substring(slash + 1, semicolon < 0 ? input.length() : semicolon));
        if (!HttpSyntax.isToken(type) || !HttpSyntax.isToken(subtype)) {
            return Optional.empty();
        }
        return Optional.of(type.toLowerCase(Locale.ROOT) + "/" + subtype.toLowerCase(Locale.ROOT));
    }

    /** HTTP whitespace (Fetch #http-whitespace): tab, line feed, carriage return and space. */
    private static boolean isHttpWhitespace(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == ' ';
    }

    private static String trimHttpWhitespace(String value) {
        int start = 0;
        while (start < value.length() && isHttpWhitespace(value.charAt(start))) {
            start++;
        }
        return trimTrailingHttpWhitespace(value.substring(start));
    }

    private static String trimTrailingHttpWhitespace(String value) {
        int end = value.length();
        while (end > 0 && isHttpWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
