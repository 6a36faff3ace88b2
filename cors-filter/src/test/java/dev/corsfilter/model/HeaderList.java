package dev.corsfilter.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable Fetch "header list" (#concept-header-list): ordered name/value pairs, names compared
 * byte-case-insensitively, a name may repeat. Every change returns a new list.
 */
public final class HeaderList {

    /** One header: a name as written and its value. */
    public record Header(String name, String value) {

        /**
         * Whether this header has a name, ignoring ASCII case.
         *
         * @param other a name
         * @return true for a byte-case-insensitive match
         */
        public boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    private static final HeaderList EMPTY = new HeaderList(List.of());

    private final List<Header> headers;

    private HeaderList(List<Header> headers) {
        this.headers = headers;
    }

    /**
     * The empty list.
     *
     * @return a list without headers
     */
    public static HeaderList empty() {
        return EMPTY;
    }

    /**
     * A list of alternating names and values.
     *
     * @param namesAndValues e.g. {@code "Access-Control-Allow-Origin", "*"}; a name may repeat
     * @return the list
     */
    public static HeaderList of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        List<Header> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new HeaderList(List.copyOf(list));
    }

    /**
     * Appends a header (#concept-header-list-append).
     *
     * @param name the name
     * @param value the value
     * @return a new list
     */
    public HeaderList with(String name, String value) {
        List<Header> list = new ArrayList<>(headers);
        list.add(new Header(name, value));
        return new HeaderList(List.copyOf(list));
    }

    /**
     * Removes every header with a name (#concept-header-list-delete).
     *
     * @param name the name, any case
     * @return a new list
     */
    public HeaderList without(String name) {
        return new HeaderList(headers.stream().filter(header -> !header.is(name)).toList());
    }

    /**
     * Replaces every header with a name by one header (#concept-header-list-set).
     *
     * @param name the name
     * @param value the value
     * @return a new list
     */
    public HeaderList set(String name, String value) {
        return without(name).with(name, value);
    }

    /**
     * Whether a header with this name is present (#header-list-contains).
     *
     * @param name the name, any case
     * @return true when present
     */
    public boolean contains(String name) {
        return headers.stream().anyMatch(header -> header.is(name));
    }

    /**
     * The values of every header with this name, in order.
     *
     * @param name the name, any case
     * @return an immutable list, empty when absent
     */
    public List<String> values(String name) {
        return headers.stream().filter(header -> header.is(name)).map(Header::value).toList();
    }

    /**
     * Fetch's "get" (#concept-header-list-get): the values of every header with this name joined by
     * {@code ", "}, or null when absent. This is how two {@code Access-Control-Allow-Origin} lines reach
     * the CORS check: as one value {@code a, b}, which equals no origin.
     *
     * @param name the name, any case
     * @return the combined value, or null
     */
    public String get(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /**
     * The unique names, byte-lower-cased, in order of first appearance.
     *
     * @return an immutable set
     */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        headers.forEach(header -> names.add(header.name().toLowerCase(Locale.ROOT)));
        return Collections.unmodifiableSet(names);
    }

    /**
     * Every header, in order.
     *
     * @return an immutable list
     */
    public List<Header> all() {
        return headers;
    }

    /**
     * Whether there are no headers.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeaderList that && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return headers.stream().map(header -> header.name() + ": " + header.value())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
