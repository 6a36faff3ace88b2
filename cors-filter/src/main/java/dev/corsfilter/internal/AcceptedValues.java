package dev.corsfilter.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers values a check has accepted, up to a fixed number, so that the same value seen again — the
 * same origin, the same {@code Access-Control-Request-Headers} list, as browsers send over and over — costs
 * one hash lookup instead of the check. Only accepted values are kept, and only short ones, so hostile
 * traffic cannot grow it; once full it stops remembering rather than evicting, which keeps a lookup free of
 * locks and allocation.
 */
final class AcceptedValues {

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private final int maxValues;
    private final int maxLength;

    /**
     * Creates an empty memory.
     *
     * @param maxValues how many values to remember at most
     * @param maxLength the longest value worth remembering
     */
    AcceptedValues(int maxValues, int maxLength) {
        this.maxValues = maxValues;
        this.maxLength = maxLength;
    }

    /**
     * Tells whether {@code value} was accepted before.
     *
     * @param value any value, never null
     * @return true when it is remembered
     */
    boolean contains(String value) {
        return value.length() <= maxLength && values.contains(value);
    }

    /**
     * Remembers an accepted value, unless it is too long or the memory is full.
     *
     * @param value a value the check accepted
     */
    void add(String value) {
        if (value.length() <= maxLength && values.size() < maxValues) {
            values.add(value);
        }
    }
}
