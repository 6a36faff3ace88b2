package dev.corsfilter.internal;

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
     * timed: the work a miss does to make room must not grow with the size of the cache.
     */
    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {1_000, 100_000})
    void aMissAtFullCacheLooksAtOneEntryWhateverTheSize(int capacity) {
        long lifetime = capacity;
        ExpiringCache<String, Boolean> cache = new ExpiringCache<>(lifetime, capacity);
        long now = 0;
        for (int i = 0; i < capacity; i++) {
            cache.put("https://warm-" + i + ".example", true, now++);
        }
        long before = cache.evictionSteps();

        int misses = 1_000;
        for (int i = 0; i < misses; i++) {
            String origin = "https://new-" + i + ".example";
            assertThat(cache.get(origin, now)).isNull();
            cache.put(origin, false, now++);
        }

        assertThat(cache.evictionSteps() - before).isEqualTo(misses);
        assertThat(cache.size()).isEqualTo(capacity);
    }
}
