package dev.corsfilter.internal;

/**
 * Parses an IPv6 address literal and writes it the way browsers serialise it in an {@code Origin}
 * (WHATWG URL standard, "IPv6 serializer": lower-case hex, no leading zeros, the first longest run of two
 * or more zero pieces compressed to {@code ::}, and never an embedded dotted IPv4 part).
 */
final class Ipv6Address {

    private Ipv6Address() {
    }

    /**
     * Returns the browser's serialisation of an IPv6 literal, without brackets.
     *
     * @param text the address without brackets, e.g. {@code 0:0::1}
     * @return the canonical form, e.g. {@code ::1}, or null when {@code text} is not an IPv6 address
     */
    static String canonical(String text) {
        int[] pieces = parse(text);
        return pieces == null ? null : serialize(pieces);
    }

    private static int[] parse(String text) {
        int compressAt = text.indexOf("::");
        if (compressAt >= 0 && text.indexOf("::", compressAt + 1) >= 0) {
            return null;
        }
        int[] head;
        int[] tail;
        if (compressAt < 0) {
            head = groups(text, true);
            tail = new int[0];
            return head != null && head.length == 8 ? head : null;
        }
        head = compressAt == 0 ? new int[0] : groups(text.substring(0, compressAt), false);
        String rest = text.substring(compressAt + 2);
        tail = rest.isEmpty() ? new int[0] : groups(rest, true);
        if (head == null || tail == null || head.length + tail.length > 7) {
            return null;
        }
        int[] pieces = new int[8];
        System.arraycopy(head, 0, pieces, 0, head.length);
        System.arraycopy(tail, 0, pieces, 8 - tail.length, tail.length);
        return pieces;
    }

    /** Parses colon-separated hex groups; the last may be a dotted IPv4 address worth two groups. */
    private static int[] groups(String text, boolean mayEndInIpv4) {
        String[] parts = text.split(":", -1);
        int lastIndex = parts.length - 1;
        boolean ipv4 = mayEndInIpv4 && parts[lastIndex].indexOf('.') >= 0;
        int[] out = new int[parts.length + (ipv4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            if (i == lastIndex && ipv4) {
                int[] octets = ipv4Octets(parts[i]);
                if (octets == null) {
                    return null;
                }
                out[i] = octets[0] << 8 | octets[1];
                out[i + 1] = octets[2] << 8 | octets[3];
            } else {
                String part = parts[i];
                if (part.isEmpty() || part.length() > 4) {
                    return null;
                }
                int value = 0;
                for (int k = 0; k < part.length(); k++) {
                    int digit = hexDigit(part.charAt(k));
                    if (digit < 0) {
                        return null;
                    }
                    value = value << 4 | digit;
                }
                out[i] = value;
            }
        }
        return out;
    }

    /** The value of an ASCII hex digit, or -1; {@code Character.digit} would accept other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static int[] ipv4Octets(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            for (int k = 0; k < part.length(); k++) {
                if (part.charAt(k) < '0' || part.charAt(k) > '9') {
                    return null;
                }
            }
            octets[i] = Integer.parseInt(part);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    private static String serialize(int[] pieces) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (pieces[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && pieces[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(pieces[i]));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
