package dev.corsfilter.internal;

/**
 * Merges field names into a {@code Vary} value without duplicating or dropping any (RFC 9110 section
 * 12.5.5): {@code Accept-Encoding} plus {@code Origin} is {@code Accept-Encoding, Origin}, {@code Origin}
 * plus {@code origin} stays {@code Origin}, and {@code *} already varies on everything.
 */
public final class VaryHeader {

    private VaryHeader() {
    }

    /**
     * Returns {@code existing} with every name of {@code additions} that it lacks appended.
     *
     * @param existing the current value, or null when the response has none
     * @param additions a comma-separated list of names to add, e.g. {@code Origin}
     * @return the merged value; {@code existing} itself when nothing needed adding
     */
    public static String merge(String existing, String additions) {
        if (existing == null || existing.isBlank()) {
            return additions;
        }
        if (existing.equalsIgnoreCase(additions)) {
            // The common case of a response whose Vary is still what the filter wrote: nothing to parse.
            return existing;
        }
        if (containsName(existing, "*")) {
            return existing;
        }
        StringBuilder merged = null;
        int i = 0;
        while (i < additions.length()) {
            int comma = additions.indexOf(',', i);
            int end = comma < 0 ? additions.length() : comma;
            String name = additions.substring(i, end).strip();
            if (!name.isEmpty() && !containsName(existing, name)
                    && (merged == null || !containsName(merged, name))) {
                if (merged == null) {
                    merged = new StringBuilder(existing.strip());
                }
                merged.append(", ").append(name);
            }
            i = end + 1;
        }
        return merged == null ? existing : merged.toString();
    }

    /**
     * Tells whether the comma-separated {@code list} holds {@code name}, ignoring case and white space.
     *
     * @param list a {@code Vary}-style list
     * @param name the field name
     * @return true when one element equals {@code name}
     */
    public static boolean containsName(CharSequence list, String name) {
        int length = list.length();
        int i = 0;
        while (i <= length) {
            int start = i;
            while (start < length && isWhiteSpace(list.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < length && list.charAt(end) != ',') {
                end++;
            }
            int next = end + 1;
            while (end > start && isWhiteSpace(list.charAt(end - 1))) {
                end--;
            }
            if (end - start == name.length() && regionMatchesIgnoreCase(list, start, name)) {
                return true;
            }
            i = next;
        }
        return false;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence list, int start, String name) {
        for (int k = 0; k < name.length(); k++) {
            if (Character.toLowerCase(list.charAt(start + k)) != Character.toLowerCase(name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
