package dev.corsfilter.internal;

import dev.corsfilter.testing.CountingStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringCacheTest {

    @Test
    void aValueCountsForItsLifetime() {
        ExpiringCache<String, Boolean> cache = new ExpiringCache<>(10, 5);

        cache.put("a", true, 100);

        assertThat(cache.get("a", 109)).isTrue();
        assertThat(cache.get("a", 110)).isNull();
        assertThat(cache.get("b", 100)).isNull();
    }

    @Test
    void aFullCacheForgetsTheOldestStoreAndAKeyStoredAgainKeepsItsNewerValue() {
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(1_000, 3);

        cache.put("a", 1, 0);
        cache.put("b", 2, 1);
        cache.put("a", 3, 2);
        cache.put("c", 4, 3);

        // The first store of "a" made room; its newer store still counts.
        assertThat(cache.get("a", 4)).isEqualTo(3);
        assertThat(cache.get("b", 4)).isEqualTo(2);
        assertThat(cache.get("c", 4)).isEqualTo(4);
        assertThat(cache.size()).isEqualTo(3);
    }

    /**
     * The case: a full cache whose answers expire about as fast as new origins arrive. Counted, not
     * timed, and on the cache's own storage: every stored value any of its code looks at (a lookup, a store, a
     * removal, each element of any iteration) is counted, so a scan anywhere in a miss would show. The work
     * per miss must be a few looks, the same at any size.
     */
    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {1_000, 100_000})
    void aMissAtFullCacheLooksAtOneEntryWhateverTheSize(int capacity) {
        CountingStorage storage = new CountingStorage();
        long lifetime = capacity;
        ExpiringCache<String, Boolean> cache = new ExpiringCache<>(lifetime, capacity, storage.map(), storage.deque());
        long now = 0;
        for (int i = 0; i < capacity; i++) {
            cache.put("https://warm-" + i + ".example", true, now++);
        }
        long before = storage.looks();

        int misses = 1_000;
        for (int i = 0; i < misses; i++) {
            String origin = "https://new-" + i + ".example";
            assertThat(cache.get(origin, now)).isNull();
            cache.put(origin, false, now++);
        }

        // A miss: the lookup; the store: the oldest store taken off the deque and out of the map, the new one added to both.
        assertThat(storage.looks() - before).isEqualTo(5L * misses);
        assertThat(cache.size()).isEqualTo(capacity);
        assertThat(cache.get("https://warm-" + (misses - 1) + ".example", now)).as("forgotten, oldest first").isNull();
        assertThat(cache.get("https://new-" + (misses - 1) + ".example", now)).isFalse();
    }

    /** The counting storage itself: an iteration is counted element by element, wherever it comes from. */
    @Test
    void theCountingStorageCountsEveryElementAScanLooksAt() {
        CountingStorage storage = new CountingStorage();
        java.util.concurrent.ConcurrentMap<String, Integer> map = storage.map();
        java.util.Deque<Integer> deque = storage.deque();
        for (int i = 0; i < 100; i++) {
            map.put("k" + i, i);
            deque.addLast(i);
        }
        long before = storage.looks();

        map.values().removeIf(value -> value < 0);
        deque.removeIf(value -> value < 0);
        deque.stream().filter(value -> value == 99).findFirst();

        assertThat(storage.looks() - before).isEqualTo(300);
    }
}
