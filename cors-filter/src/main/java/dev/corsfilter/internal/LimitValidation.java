package dev.corsfilter.internal;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The builder's rules for durations and numbers: the pre-flight max age and status, and the origin
 * resolver's cache, each within its {@link SettingLimits} range; and which engines a max age exceeds.
 */
public final class LimitValidation {

    private LimitValidation() {
    }

    /**
     * Checks the pre-flight max age: whole seconds from 0 to 24 hours.
     *
     * @param maxAge the max age, or null when none is sent
     * @param problems where problems are added
     */
    public static void maxAge(Duration maxAge, List<PolicyProblem> problems) {
        if (maxAge != null && (maxAge.getNano() != 0 || !SettingLimits.MAX_AGE_SECONDS.contains(maxAge.getSeconds())
                || maxAge.isNegative())) {
            problems.add(new PolicyProblem("maxAge", maxAge.toString(), PolicyRule.MAX_AGE_OUT_OF_RANGE,
                    "max age of " + (maxAge.getNano() == 0 ? maxAge.getSeconds() + " seconds" : maxAge.toString())
                            + " is not a whole number of seconds from 0 to 86400 (24 hours)"));
        }
    }

    /**
     * Checks the pre-flight status: a 2xx, since browsers fail a pre-flight answered with anything else.
     *
     * @param status the status
     * @param problems where problems are added
     */
    public static void preflightStatus(int status, List<PolicyProblem> problems) {
        if (!SettingLimits.PREFLIGHT_STATUS.contains(status)) {
            problems.add(new PolicyProblem("preflightStatus", Integer.toString(status),
                    PolicyRule.PREFLIGHT_STATUS_INVALID, "pre-flight status " + status
                    + " would fail every pre-flight: browsers require a status from 200 to 299"));
        }
    }

    /**
     * Checks the origin resolver's cache, when one is asked for.
     *
     * @param ttl how long answers are remembered, or null for no cache
     * @param size how many answers are remembered
     * @param problems where problems are added
     */
    public static void resolverCache(Duration ttl, int size, List<PolicyProblem> problems) {
        if (ttl == null) {
            return;
        }
        if (ttl.compareTo(Duration.ofSeconds(SettingLimits.RESOLVER_CACHE_SECONDS.min())) < 0
                || ttl.compareTo(Duration.ofSeconds(SettingLimits.RESOLVER_CACHE_SECONDS.max())) > 0) {
            problems.add(new PolicyProblem("originResolver", ttl.toString(), PolicyRule.RESOLVER_CACHE_INVALID,
                    "origin resolver cache lifetime of " + (ttl.getNano() == 0 ? ttl.getSeconds() + " seconds" : ttl)
                            + " is outside 1 second to 24 hours"));
        }
        if (!SettingLimits.RESOLVER_CACHE_SIZE.contains(size)) {
            problems.add(new PolicyProblem("originResolver", Integer.toString(size), PolicyRule.RESOLVER_CACHE_INVALID,
                    "origin resolver cache size " + size + " is outside 1 to " + SettingLimits.RESOLVER_CACHE_SIZE.max()));
        }
    }

    /**
     * The engines whose pre-flight cache cap a max age exceeds, for a warning: they keep the answer for their
     * cap only.
     *
     * @param maxAge a valid max age, or null
     * @return the engines, shortest cap first; empty when none
     */
    public static List<String> enginesCapping(Duration maxAge) {
        return maxAge == null ? List.of() : SettingLimits.ENGINE_MAX_AGE_CAPS.stream()
                .filter(cap -> maxAge.compareTo(cap.getValue()) > 0).map(Map.Entry::getKey).toList();
    }
}
