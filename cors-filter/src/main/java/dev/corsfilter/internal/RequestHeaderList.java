package dev.corsfilter.internal;

/**
 * Reads an {@code Access-Control-Request-Headers} value and decides whether every header name in it is
 * allowed, in one pass, without allocating.
 *
 * <p>Browsers send the names lower-cased, sorted, de-duplicated and joined by {@code ,} without spaces
 * (Fetch, "CORS-preflight fetch", step 5), but proxies may add spaces or split the list over several
 * lines, so the grammar accepted is RFC 9110's list syntax: elements separated by commas, optional white
 * space around them, empty elements tolerated. Names are compared case-insensitively.
 *
 * <p>Because the value is attacker-controlled, the work is capped: values longer than
 * {@link #MAX_LENGTH} characters, lists of more than {@link #MAX_ELEMENTS} names or more than
 * {@link #MAX_EMPTY_ELEMENTS} empty elements are refused before or while they are read, so the cost of a
 * check is linear in the value's length and never above a fixed bound.
 */
public final class RequestHeaderList {

    /** The longest value read; a browser's list of a few dozen custom headers is far shorter. */
    public static final int MAX_LENGTH = 4096;
    /** The most header names a value may list. */
    public static final int MAX_ELEMENTS = 64;
    /** The most empty elements ({@code a,,b}) tolerated. */
    public static final int MAX_EMPTY_ELEMENTS = 16;

    /** What a check found. */
    public enum Verdict {
        /** The value lists no header name. */
        EMPTY,
        /** Every name is allowed and the value is in the compact form browsers send. */
        ALLOWED,
        /** Every name is allowed, but the value has white space or empty elements; see {@link #compact}. */
        ALLOWED_NOT_COMPACT,
        /** A name is not allowed. */
        NOT_ALLOWED,
        /** A name is not a token, or the list syntax is broken. */
        MALFORMED,
        /** The value is longer than {@link #MAX_LENGTH} or has too many (empty) elements. */
        TOO_LARGE
    }

    private static final Verdict[] VERDICTS = Verdict.values();

    private RequestHeaderList() {
    }

    /**
     * Checks every name in {@code value}.
     *
     * @param value the header value, never null
     * @param names the allowed names, case-insensitive
     * @param anyName whether every name but {@code authorization} is allowed as well
     * @return the verdict and the position of the element it concerns; read them with {@link #verdict}
     *     and {@link #position}
     */
    public static long check(CharSequence value, AsciiSet names, boolean anyName) {
        int length = value.length();
        if (length > MAX_LENGTH) {
            return result(Verdict.TOO_LARGE, 0);
        }
        int elements = 0;
        int empty = 0;
        boolean compact = true;
        int i = 0;
        while (true) {
            int start = i;
            while (i < length && isWhiteSpace(value.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < length && HttpToken.isTokenChar(value.charAt(i))) {
                i++;
            }
            int nameEnd = i;
            while (i < length && isWhiteSpace(value.charAt(i))) {
                i++;
            }
            if (i < length && value.charAt(i) != ',') {
                return result(Verdict.MALFORMED, nameStart);
            }
            if (nameStart != start || nameEnd != i) {
                compact = false;
            }
            if (nameStart == nameEnd) {
                if (i < length || start > 0) {
                    compact = false;
                    if (++empty > MAX_EMPTY_ELEMENTS) {
                        return result(Verdict.TOO_LARGE, nameStart);
                    }
                }
            } else {
                if (++elements > MAX_ELEMENTS) {
                    return result(Verdict.TOO_LARGE, nameStart);
                }
                if (!names.contains(value, nameStart, nameEnd)
                        && !(anyName && !isAuthorization(value, nameStart, nameEnd))) {
                    return result(Verdict.NOT_ALLOWED, nameStart);
                }
            }
            if (i >= length) {
                break;
            }
            i++;
        }
        if (elements == 0) {
            return result(Verdict.EMPTY, 0);
        }
        return result(compact ? Verdict.ALLOWED : Verdict.ALLOWED_NOT_COMPACT, 0);
    }

    /**
     * The verdict part of a {@link #check} result.
     *
     * @param result a value returned by {@link #check}
     * @return the verdict
     */
    public static Verdict verdict(long result) {
        return VERDICTS[(int) result];
    }

    /**
     * The index in the checked value where the element a rejection concerns starts.
     *
     * @param result a value returned by {@link #check}
     * @return the index, 0 for an accepted value
     */
    public static int position(long result) {
        return (int) (result >>> 32);
    }

    /**
     * The name or text at {@code position}, up to the next separator, for messages.
     *
     * @param value the checked value
     * @param position a position returned by {@link #position}
     * @return the element, at most 64 characters of it
     */
    public static String elementAt(CharSequence value, int position) {
        int end = position;
        while (end < value.length() && value.charAt(end) != ',' && end - position < 64) {
            end++;
        }
        return value.subSequence(position, end).toString().strip();
    }

    /**
     * Rewrites an accepted value in the compact form browsers send: names joined by {@code ,}, without
     * white space or empty elements.
     *
     * @param value a value whose check returned {@link Verdict#ALLOWED_NOT_COMPACT}
     * @return the compact form
     */
    public static String compact(CharSequence value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        int length = value.length();
        while (i < length) {
            while (i < length && !HttpToken.isTokenChar(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && HttpToken.isTokenChar(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(value, start, i);
            }
        }
        return out.toString();
    }

    private static boolean isAuthorization(CharSequence s, int from, int to) {
        String name = "authorization";
        if (to - from != name.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != name.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static long result(Verdict verdict, int position) {
        return (long) position << 32 | verdict.ordinal();
    }
}
