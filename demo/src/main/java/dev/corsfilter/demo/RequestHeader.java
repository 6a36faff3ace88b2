package dev.corsfilter.demo;

import java.util.Objects;

/**
 * A header a script sets on a {@code fetch()}.
 *
 * @param name the header name as the script wrote it
 * @param value its value
 */
record RequestHeader(String name, String value) {

    /**
     * Checks that both parts are given.
     *
     * @param name the name
     * @param value the value
     */
    RequestHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
