package dev.corsfilter.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The header lines of a fake request or response, in order, names compared ignoring case. The arrays grow
 * when needed and are kept when cleared, so a fake reused for many requests stores lines without allocating.
 */
final class HeaderLines {

    private String[] names = new String[8];
    private String[] values = new String[8];
    private int size;

    int size() {
        return size;
    }

    String name(int index) {
        return names[index];
    }

    String value(int index) {
        return values[index];
    }

    void setValue(int index, String value) {
        values[index] = value;
    }

    /** The index of the first line named {@code name} at or after {@code from}, or -1. */
    int indexOf(String name, int from) {
        for (int i = from; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the first line named {@code name}, or null. */
    String first(String name) {
        int index = indexOf(name, 0);
        return index < 0 ? null : values[index];
    }

    /** Appends a line. */
    void add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /** Replaces the value of the first line named {@code name} and drops the others; appends it when absent. */
    void set(String name, String value) {
        int first = indexOf(name, 0);
        if (first < 0) {
            add(name, value);
            return;
        }
        values[first] = value;
        removeFrom(name, first + 1);
    }

    /** Drops every line named {@code name}. */
    void remove(String name) {
        removeFrom(name, 0);
    }

    private void removeFrom(String name, int from) {
        int kept = from;
        for (int i = from; i < size; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                names[kept] = names[i];
                values[kept] = values[i];
                kept++;
            }
        }
        for (int i = kept; i < size; i++) {
            names[i] = null;
            values[i] = null;
        }
        size = kept;
    }

    /**
     * Forgets every line. The array slots are left as they are, so clearing stores no reference (no GC write
     * barrier runs in a benchmark's reset); the values stay reachable until overwritten.
     */
    void clear() {
        size = 0;
    }

    /** Every line as {@code {name, value}}, in order; allocates, for observing. */
    List<String[]> copy() {
        List<String[]> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lines.add(new String[] {names[i], values[i]});
        }
        return lines;
    }

    /** Every value of the lines named {@code name}, in order; allocates, for observing. */
    List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            out.add(values[i]);
        }
        return out;
    }

    /** The distinct names, in order of first appearance; allocates. */
    List<String> distinctNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (indexOf(names[i], 0) == i) {
                out.add(names[i]);
            }
        }
        return out;
    }

    /** Walks every line, as Jetty's iterator over its fields does: one 24-byte object per walk. */
    static final class Cursor {

        private final HeaderLines lines;
        private int next;

        Cursor(HeaderLines lines) {
            this.lines = lines;
        }

        boolean hasNext() {
            return next < lines.size;
        }

        /** The index of the next line. */
        int nextIndex() {
            if (next >= lines.size) {
                throw new NoSuchElementException();
            }
            return next++;
        }
    }

    /**
     * Walks every line through a second cursor, as the iterator of Jetty's wrapper around a response's fields
     * does: 24 bytes more per walk.
     */
    static final class WrappingCursor {

        private final Cursor inner;
        private int current = -1;

        WrappingCursor(Cursor inner) {
            this.inner = inner;
        }

        boolean hasNext() {
            return inner.hasNext();
        }

        int nextIndex() {
            current = inner.nextIndex();
            return current;
        }
    }
}
