package dev.corsfilter.internal;

/**
 * The {@code token} grammar of RFC 9110 section 5.6.2, which method names and header field names follow.
 */
public final class HttpToken {

    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN_CHARS[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN_CHARS[c] = true;
            TOKEN_CHARS[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN_CHARS[c] = true;
        }
    }

    private HttpToken() {
    }

    /**
     * Tells whether {@code c} may appear in a token.
     *
     * @param c any character
     * @return true for the ASCII letters, digits and {@code !#$%&'*+-.^_`|~}
     */
    public static boolean isTokenChar(char c) {
        return c < 128 && TOKEN_CHARS[c];
    }

    /**
     * Tells whether {@code s} is a non-empty token.
     *
     * @param s any string, or null
     * @return true when {@code s} is non-null, non-empty and made of token characters only
     */
    public static boolean isToken(CharSequence s) {
        if (s == null || s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
