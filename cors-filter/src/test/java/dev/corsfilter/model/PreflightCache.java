package dev.corsfilter.model;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The user agent's CORS-preflight cache (#cors-preflight-cache): entries keyed by the byte-serialized
 * request origin, the URL and a credentials flag, each holding one method or one header name, removed
 * {@code max-age} seconds after they were stored. Time comes from an injectable {@link Clock}.
 *
 * <p>Simplifications: the network partition key is left out (the model has a single top-level site), and
 * entries are checked for expiry when read rather than removed by a timer, which is indistinguishable.
 * When a pre-flight refreshes an existing entry, only its {@code max-age} changes, as steps 12 and 14
 * of #cors-preflight-fetch-0 say, so its lifetime still counts from when it was first stored.
 */
final class PreflightCache {

    private static final class Entry {
        final String origin;
        final URI url;
        final boolean credentials;
        final String method;
        final String headerName;
        final Instant stored;
        long maxAgeSeconds;

        Entry(String origin, URI url, boolean credentials, String method, String headerName, Instant stored,
              long maxAgeSeconds) {
            this.origin = origin;
            this.url = url;
            this.credentials = credentials;
            this.method = method;
            this.headerName = headerName;
            this.stored = stored;
            this.maxAgeSeconds = maxAgeSeconds;
        }
    }

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    PreflightCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * #concept-cache-match-method: a live entry for this origin, URL and credentials whose method is
     * {@code method} or {@code *}. (The spec does not look at the credentials mode here: a {@code *}
     * entry is a wildcard even for a credentialed request that matches a credentialed entry.)
     */
    boolean methodMatch(String origin, URI url, boolean credentialsInclude, String method) {
        return findMethod(origin, url, credentialsInclude, method) != null;
    }

    /**
     * #concept-cache-match-header: a live entry whose header name matches {@code name} byte-case-insensitively,
     * or is {@code *} and {@code name} is not Authorization (#cors-non-wildcard-request-header-name).
     */
    boolean headerMatch(String origin, URI url, boolean credentialsInclude, String name) {
        return findHeader(origin, url, credentialsInclude, name) != null;
    }

    /** Steps 12-15 of #cors-preflight-fetch-0: refresh matching entries, create the others. */
    void store(String origin, URI url, boolean credentialsInclude, long maxAgeSeconds, List<String> methods,
               List<String> headerNames) {
        Instant now = clock.instant();
        for (String method : methods) {
            Entry match = findMethod(origin, url, credentialsInclude, method);
            if (match != null) {
                match.maxAgeSeconds = maxAgeSeconds;
            } else {
                entries.add(new Entry(origin, url, credentialsInclude, method, null, now, maxAgeSeconds));
            }
        }
        for (String name : headerNames) {
            Entry match = findHeader(origin, url, credentialsInclude, name);
            if (match != null) {
                match.maxAgeSeconds = maxAgeSeconds;
            } else {
                entries.add(new Entry(origin, url, credentialsInclude, null, name, now, maxAgeSeconds));
            }
        }
    }

    /** #concept-cache-clear: forget everything about this origin and URL, after a failed CORS fetch. */
    void clear(String origin, URI url) {
        entries.removeIf(entry -> entry.origin.equals(origin) && entry.url.equals(url));
    }

    /**
     * How many live entries there are.
     *
     * @return the count
     */
    int size() {
        removeExpired();
        return entries.size();
    }

    private Entry findMethod(String origin, URI url, boolean credentialsInclude, String method) {
        removeExpired();
        for (Entry entry : entries) {
            if (entry.method != null && matches(entry, origin, url, credentialsInclude)
                    && (entry.method.equals(method) || entry.method.equals("*"))) {
                return entry;
            }
        }
        return null;
    }

    private Entry findHeader(String origin, URI url, boolean credentialsInclude, String name) {
        removeExpired();
        for (Entry entry : entries) {
            if (entry.headerName != null && matches(entry, origin, url, credentialsInclude)
                    && (entry.headerName.equalsIgnoreCase(name)
                    || entry.headerName.equals("*") && !RequestHeaderRules.isNonWildcardName(name))) {
                return entry;
            }
        }
        return null;
    }

    /**
     * #concept-cache-match: same origin and URL, and either a credentialed entry (which also serves
     * requests without credentials) or a request without credentials.
     */
    private static boolean matches(Entry entry, String origin, URI url, boolean credentialsInclude) {
        return entry.origin.equals(origin) && entry.url.equals(url) && (entry.credentials || !credentialsInclude);
    }

    /** Entries live for max-age seconds after being stored; max-age 0 never serves a request. */
    private void removeExpired() {
        Instant now = clock.instant();
        entries.removeIf(entry -> !now.isBefore(entry.stored.plus(Duration.ofSeconds(entry.maxAgeSeconds))));
    }
}
