package dev.corsfilter.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers values for a fixed time, for at most a fixed number of keys, at a cost per operation that does not
 * grow with its size. Every value lives equally long, so the oldest one stored is the first to expire: a full
 * cache makes room by forgetting that one, which is one step, however large the cache and whether or not
 * anything has expired yet. Lookups do not lock; stores take a short lock.
 *
 * <p>What it holds is the answers to the last {@code capacity} stores, less those whose key was stored again
 * since, so a key stored again and again can hold a few places that no longer count: never more than
 * {@code capacity} in all.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ExpiringCache<K, V> {

    /**
     * A stored value; compared by identity, so that a store is told apart from a later one of the same value.
     *
     * @param <K> the key type
     * @param <V> the value type
     */
    static final class Entry<K, V> {
        final K key;
        final V value;
        final long expiresAt;

        Entry(K key, V value, long expiresAt) {
            this.key = key;
            this.value = value;
            this.expiresAt = expiresAt;
        }
    }

    private final long lifetimeNanos;
    private final int capacity;
    private final ConcurrentMap<K, Entry<K, V>> entries;
    /** The stores, oldest first; guarded by itself. */
    private final Deque<Entry<K, V>> byAge;

    /**
     * Creates an empty cache.
     *
     * @param lifetimeNanos how long a value counts, in nanoseconds, more than 0
     * @param capacity how many values to hold at most, at least 1
     */
    ExpiringCache(long lifetimeNanos, int capacity) {
        this(lifetimeNanos, capacity, new ConcurrentHashMap<>(), new ArrayDeque<>());
    }

    /**
     * Creates an empty cache on the given storage, so that tests can count every stored value the cache looks
     * at, whatever code looks.
     *
     * @param lifetimeNanos how long a value counts, in nanoseconds, more than 0
     * @param capacity how many values to hold at most, at least 1
     * @param entries an empty map, for the values by key
     * @param byAge an empty deque, for the stores in order
     */
    ExpiringCache(long lifetimeNanos, int capacity, ConcurrentMap<K, Entry<K, V>> entries, Deque<Entry<K, V>> byAge) {
        this.lifetimeNanos = lifetimeNanos;
        this.capacity = capacity;
        this.entries = entries;
        this.byAge = byAge;
    }

    /**
     * The value stored for {@code key}, if it has not expired.
     *
     * @param key the key
     * @param now the time in nanoseconds, on the clock of {@link #put}
     * @return the value, or null
     */
    V get(K key, long now) {
        Entry<K, V> entry = entries.get(key);
        return entry == null || now - entry.expiresAt >= 0 ? null : entry.value;
    }

    /**
     * Stores a value, forgetting the oldest one first when the cache is full.
     *
     * @param key the key
     * @param value the value
     * @param now the time in nanoseconds
     */
    void put(K key, V value, long now) {
        Entry<K, V> entry = new Entry<>(key, value, now + lifetimeNanos);
        synchronized (byAge) {
            if (byAge.size() >= capacity) {
                Entry<K, V> oldest = byAge.removeFirst();
                // Only if the key was not stored again since: then the newer store counts.
                entries.remove(oldest.key, oldest);
            }
            byAge.addLast(entry);
            entries.put(key, entry);
        }
    }

    /**
     * How many values are held, expired ones included until they are forgotten.
     *
     * @return at most the capacity
     */
    int size() {
        return entries.size();
    }
}
