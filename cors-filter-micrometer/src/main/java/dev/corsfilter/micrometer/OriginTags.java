package dev.corsfilter.micrometer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Decides the {@code origin} tag of a refusal so that the number of time series stays bounded whatever
 * origins attackers send. An origin gets a tag of its own when it is on the allow-list, or when it has been
 * refused often within one window (a front end nobody added to the policy is refused on every page view;
 * a made-up origin sent once is not) and fewer than the maximum have earned one; every other refusal is
 * tagged {@code other}, and a value that is not an origin browsers send, {@code invalid}.
 */
final class OriginTags {

    /** The tag of refusals whose origin has no series of its own. */
    static final String OTHER = "other";
    /** The tag of refusals whose {@code Origin} is not a serialised origin. */
    static final String INVALID = "invalid";

    /**
     * What an origin a browser sends looks like (a lower-case scheme, and a host of letters, digits, dots,
     * hyphens and underscores, an IPv6 literal, a port), short enough for a tag.
     */
    private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9+.-]{0,31}://[a-z0-9._\\-\\[\\]:]{1,262}|null");
    /** How many distinct origins one window counts at most; more in one window are not counted. */
    private static final int MAX_CANDIDATES = 10_000;

    private final Set<String> allowList;
    private final int maxOrigins;
    private final int threshold;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Set<String> tracked = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> candidates = new HashMap<>();
    private long windowStart;

    /**
     * Creates the tags.
     *
     * @param allowList origins that always get a tag of their own
     * @param maxOrigins how many other origins may earn one
     * @param threshold how many refusals within a window earn one
     * @param windowNanos the window, in nanoseconds
     * @param clock the time in nanoseconds
     */
    OriginTags(Set<String> allowList, int maxOrigins, int threshold, long windowNanos, LongSupplier clock) {
        this.allowList = Set.copyOf(allowList);
        this.maxOrigins = maxOrigins;
        this.threshold = threshold;
        this.windowNanos = windowNanos;
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    /**
     * The tag for one refusal from an origin.
     *
     * @param origin the request's {@code Origin}
     * @return the origin itself, {@link #OTHER} or {@link #INVALID}
     */
    String tag(String origin) {
        if (origin != null && allowList.contains(origin)) {
            return origin;
        }
        if (origin == null || !ORIGIN.matcher(origin).matches()) {
            return INVALID;
        }
        if (tracked.contains(origin)) {
            return origin;
        }
        return earned(origin) ? origin : OTHER;
    }

    /** Counts a refusal of an untracked origin; tells whether it has just earned a series. */
    private synchronized boolean earned(String origin) {
        if (tracked.contains(origin)) {
            return true;
        }
        long now = clock.getAsLong();
        if (now - windowStart >= windowNanos) {
            candidates.clear();
            windowStart = now;
        }
        if (tracked.size() >= maxOrigins) {
            return false;
        }
        if (candidates.size() >= MAX_CANDIDATES && !candidates.containsKey(origin)) {
            makeRoom();
        }
        int count = candidates.merge(origin, 1, Integer::sum);
        if (count < threshold) {
            return false;
        }
        candidates.remove(origin);
        tracked.add(origin);
        return true;
    }

    /**
     * Forgets the origins refused once in this window, which is what a flood of made-up origins leaves, so
     * that a front end refused again and again can still earn its series; if every one was refused more than
     * once, the window starts over. Amortised over the refusals that filled the table.
     */
    private void makeRoom() {
        candidates.values().removeIf(count -> count == 1);
        if (candidates.size() >= MAX_CANDIDATES) {
            candidates.clear();
        }
    }

    /**
     * How many origins have earned a series so far (the allow-list not counted).
     *
     * @return the count, at most the maximum
     */
    int trackedCount() {
        return tracked.size();
    }
}
