package dev.corsfilter.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * An immutable set of ASCII strings that answers membership for a region of a string, or for two
 * regions of one string read as if concatenated, without building a new string.
 *
 * <p>The request path asks "is this part of the {@code Origin} header a configured key?" many times per
 * request; building substrings for that would allocate on every request. Open addressing over an array
 * twice the size of the set keeps every probe short, whatever the number of keys.
 */
public final class AsciiSet {

    private static final AsciiSet EMPTY_CASE_SENSITIVE = new AsciiSet(java.util.List.of(), false);

    private final String[] slots;
    private final int[] hashes;
    private final int mask;
    private final int maxLength;
    private final boolean ignoreCase;
    private final int size;

    private AsciiSet(Collection<String> keys, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        int capacity = Integer.highestOneBit(Math.max(4, keys.size() * 2 - 1)) << 1;
        this.slots = new String[capacity];
        this.hashes = new int[capacity];
        this.mask = capacity - 1;
        int longest = 0;
        int count = 0;
        for (String raw : keys) {
            String key = ignoreCase ? raw.toLowerCase(Locale.ROOT) : raw;
            if (add(key)) {
                count++;
                longest = Math.max(longest, key.length());
            }
        }
        this.maxLength = longest;
        this.size = count;
    }

    /**
     * A set whose keys match only byte for byte.
     *
     * @param keys the members; duplicates are ignored
     * @return the set
     */
    public static AsciiSet caseSensitive(Collection<String> keys) {
        return keys.isEmpty() ? EMPTY_CASE_SENSITIVE : new AsciiSet(keys, false);
    }

    /**
     * A set whose keys match regardless of ASCII letter case, as HTTP header names do.
     *
     * @param keys the members; duplicates are ignored
     * @return the set
     */
    public static AsciiSet caseInsensitive(Collection<String> keys) {
        return new AsciiSet(keys, true);
    }

    /**
     * The number of distinct members.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Tells whether the whole of {@code s} is a member.
     *
     * @param s the candidate, never null
     * @return true when it is a member
     */
    public boolean contains(CharSequence s) {
        return contains(s, 0, s.length(), 0, 0);
    }

    /**
     * Tells whether {@code s[from, to)} is a member.
     *
     * @param s the string holding the candidate
     * @param from first index of the candidate
     * @param to index after its last character
     * @return true when it is a member
     */
    public boolean contains(CharSequence s, int from, int to) {
        return contains(s, from, to, 0, 0);
    }

    /**
     * Tells whether {@code s[aFrom, aTo) + s[bFrom, bTo)} is a member.
     *
     * @param s the string holding both parts
     * @param aFrom first index of the first part
     * @param aTo index after the first part
     * @param bFrom first index of the second part
     * @param bTo index after the second part
     * @return true when the concatenation is a member
     */
    public boolean contains(CharSequence s, int aFrom, int aTo, int bFrom, int bTo) {
        int length = (aTo - aFrom) + (bTo - bFrom);
        if (length > maxLength || size == 0) {
            return false;
        }
        int h = hash(s, aFrom, aTo, 0);
        h = spread(hash(s, bFrom, bTo, h));
        for (int i = h & mask; ; i = (i + 1) & mask) {
            String key = slots[i];
            if (key == null) {
                return false;
            }
            if (hashes[i] == h && key.length() == length && regionEquals(key, s, aFrom, aTo, bFrom, bTo)) {
                return true;
            }
        }
    }

    private boolean add(String key) {
        int h = spread(hash(key, 0, key.length(), 0));
        for (int i = h & mask; ; i = (i + 1) & mask) {
            if (slots[i] == null) {
                slots[i] = key;
                hashes[i] = h;
                return true;
            }
            if (slots[i].equals(key)) {
                return false;
            }
        }
    }

    private int hash(CharSequence s, int from, int to, int seed) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = 31 * h + fold(s.charAt(i));
        }
        return h;
    }

    private boolean regionEquals(String key, CharSequence s, int aFrom, int aTo, int bFrom, int bTo) {
        int k = 0;
        for (int i = aFrom; i < aTo; i++, k++) {
            if (key.charAt(k) != fold(s.charAt(i))) {
                return false;
            }
        }
        for (int i = bFrom; i < bTo; i++, k++) {
            if (key.charAt(k) != fold(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private char fold(char c) {
        return ignoreCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
