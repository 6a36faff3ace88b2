package dev.corsfilter.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ranges of the numeric settings, stated once for the builder and for configuration by name, and the
 * pre-flight cache caps of the browser engines, which make a longer max age pointless for them.
 */
public final class SettingLimits {

    /**
     * An inclusive range of whole numbers.
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     */
    public record Range(long min, long max) {

        /**
         * Tells whether a value lies in the range.
         *
         * @param value the value
         * @return true when {@code min <= value <= max}
         */
        public boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    /** {@code Access-Control-Max-Age}, in seconds: at most 24 hours, the longest any engine keeps an answer. */
    public static final Range MAX_AGE_SECONDS = new Range(0, Duration.ofHours(24).getSeconds());
    /** The pre-flight status: browsers fail a pre-flight answered with anything but 2xx. */
    public static final Range PREFLIGHT_STATUS = new Range(200, 299);
    /** How long the origin resolver's answers are remembered, in seconds. */
    public static final Range RESOLVER_CACHE_SECONDS = new Range(1, Duration.ofHours(24).getSeconds());
    /** How many origin resolver answers are remembered. */
    public static final Range RESOLVER_CACHE_SIZE = new Range(1, DynamicOrigins.MAX_CACHE_SIZE);
    /** How often the properties file is looked at, in seconds; 0 for never. */
    public static final Range WATCH_SECONDS = new Range(0, Duration.ofHours(24).getSeconds());

    /**
     * The longest each browser engine keeps a pre-flight answer, shortest first, with the browsers built on it;
     * a longer max age only helps the engines with a longer cap. Measured by the browser tests.
     */
    public static final List<Map.Entry<String, Duration>> ENGINE_MAX_AGE_CAPS = List.of(
            Map.entry("WebKit (600 s: Safari, every browser on iOS)", Duration.ofMinutes(10)),
            Map.entry("Chromium (7200 s: Chrome, Edge, Opera)", Duration.ofHours(2)),
            Map.entry("Firefox (86400 s)", Duration.ofHours(24)));

    private SettingLimits() {
    }
}
