package dev.corsfilter.internal;

/**
 * Reads the parts of an {@code Origin} value as a browser serialises it ({@code scheme://host[:port]},
 * lower-case, no default port, no trailing dot), without allocating: each method returns an index into
 * the value, or -1 when the value is not in that form.
 */
final class RequestOrigin {

    private static final int MAX_PORT_DIGITS = 5;

    private RequestOrigin() {
    }

    /**
     * Finds the end of the host of a serialised origin.
     *
     * @param origin the value
     * @param hostStart the index after {@code ://}, from {@link #hostStart}
     * @return the index after the host, or -1 when the host or the port after it is malformed
     */
    static int hostEnd(String origin, int hostStart) {
        boolean ipv6 = hostStart < origin.length() && origin.charAt(hostStart) == '[';
        int hostEnd = ipv6 ? ipv6End(origin, hostStart) : domainEnd(origin, hostStart);
        return hostEnd >= 0 && isPortOrEnd(origin, hostEnd) ? hostEnd : -1;
    }

    /**
     * Finds where the host starts: after a lower-case scheme and {@code ://}.
     *
     * @param origin the value
     * @return the index after {@code ://}, or -1
     */
    static int hostStart(String origin) {
        int length = origin.length();
        if (length == 0 || !isLowerAlpha(origin.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < length; i++) {
            char c = origin.charAt(i);
            if (c == ':') {
                return i + 2 < length && origin.charAt(i + 1) == '/' && origin.charAt(i + 2) == '/' ? i + 3 : -1;
            }
            if (!isLowerAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Tells whether {@code origin} is in the form a browser sends for a network origin, with no default
     * port: what a user-supplied check may safely be asked about.
     *
     * @param origin the value, never null
     * @return true for a well-formed serialised origin
     */
    static boolean isWellFormed(String origin) {
        if (origin.length() > OriginMatcher.MAX_ORIGIN_LENGTH) {
            return false;
        }
        int hostStart = hostStart(origin);
        if (hostStart < 0) {
            return false;
        }
        int hostEnd = hostEnd(origin, hostStart);
        if (hostEnd < 0 || hostEnd == hostStart) {
            return false;
        }
        if (hostEnd == origin.length()) {
            return true;
        }
        String port = origin.substring(hostEnd + 1);
        String scheme = origin.substring(0, hostStart - 3);
        return !port.equals(OriginPattern.defaultPort(scheme));
    }

    /**
     * Tells whether a well-formed origin is reached without TLS on a host that is not loopback.
     *
     * @param origin a value for which {@link #isWellFormed} is true
     * @return true for {@code http}, {@code ws} and {@code ftp} origins off the local machine
     */
    static boolean isInsecure(String origin) {
        int hostStart = hostStart(origin);
        String scheme = origin.substring(0, hostStart - 3);
        if (!scheme.equals("http") && !scheme.equals("ws") && !scheme.equals("ftp")) {
            return false;
        }
        String host = origin.substring(hostStart, hostEnd(origin, hostStart));
        return !OriginPattern.isLoopbackHost(host);
    }

    /**
     * Returns the end of a lower-case DNS name or IPv4 address starting at {@code from}: labels of
     * letters, digits, {@code -} and {@code _} joined by single dots, no empty label; or -1.
     */
    private static int domainEnd(String s, int from) {
        int length = s.length();
        int labelStart = from;
        int i = from;
        for (; i < length; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == labelStart) {
                    return -1;
                }
                labelStart = i + 1;
            } else if (c == ':') {
                break;
            } else if (!isLowerAlpha(c) && !isDigit(c) && c != '-' && c != '_') {
                return -1;
            }
        }
        return i == labelStart ? -1 : i;
    }

    /** Returns the index after the {@code ]} of a bracketed IPv6 address starting at {@code from}, or -1. */
    private static int ipv6End(String s, int from) {
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (!isDigit(c) && !(c >= 'a' && c <= 'f') && c != ':' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /** Accepts the end of the value or {@code :} followed by a port as browsers write it. */
    private static boolean isPortOrEnd(String s, int from) {
        int length = s.length();
        if (from == length) {
            return true;
        }
        int digits = length - from - 1;
        if (s.charAt(from) != ':' || digits < 1 || digits > MAX_PORT_DIGITS || s.charAt(from + 1) == '0') {
            return false;
        }
        int port = 0;
        for (int i = from + 1; i < length; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
