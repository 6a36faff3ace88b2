package dev.corsfilter.internal;

/**
 * Makes request values safe to put in log lines, messages and the debug response header: quoted, control
 * and non-ASCII characters escaped, long values cut, so a hostile header can neither forge log lines nor
 * flood them, and the result is always printable ASCII.
 */
public final class LogText {

    private static final int MAX_CHARS = 128;

    private LogText() {
    }

    /**
     * Quotes a value for a log line.
     *
     * @param value any value, or null
     * @return {@code "value"} with non-printable and non-ASCII characters as Java unicode escapes, cut
     *     after 128 characters; {@code (none)} for null
     */
    public static String quote(String value) {
        return quote(value, MAX_CHARS);
    }

    /**
     * Quotes a value for a log line, cut after a given length.
     *
     * @param value any value, or null
     * @param maxChars how many characters to show at most
     * @return as {@link #quote(String)}, cut after {@code maxChars} characters
     */
    public static String quote(String value, int maxChars) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxChars) + 8).append('"');
        int shown = Math.min(value.length(), maxChars);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (value.length() > maxChars) {
            out.append("... (").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * Describes what was thrown as {@code String.valueOf} does, for code that must not fail while it reports a
     * failure: user code's exceptions may compute their message lazily, and that can throw too.
     *
     * @param failure what was thrown, or null
     * @return its {@code toString()}, or its class name and why that could not be had; throws nothing but a
     *     {@link VirtualMachineError}
     */
    public static String describe(Throwable failure) {
        try {
            return String.valueOf(failure);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return failure.getClass().getName() + " (whose message cannot be had: " + e.getClass().getName() + ")";
        }
    }
}
