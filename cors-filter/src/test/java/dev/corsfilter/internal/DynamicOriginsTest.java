package dev.corsfilter.internal;

import dev.corsfilter.testing.FlakyResolver;
import dev.corsfilter.testing.LogRecorder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamicOriginsTest {

    final List<String> asked = new ArrayList<>();
    final AtomicLong now = new AtomicLong();

    DynamicOrigins origins(boolean refuseInsecure, Duration ttl, int size) {
        return new DynamicOrigins(origin -> {
            asked.add(origin);
            if (origin.contains("fail")) {
                throw new IllegalStateException("database down");
            }
            return origin.endsWith(".tenant.example") || origin.startsWith("http://");
        }, refuseInsecure, ttl, size, now::get);
    }

    @Test
    void isNeverAskedAboutMalformedValues() {
        DynamicOrigins origins = origins(false, null, 0);
        for (String hostile : List.of("null", "", "HTTPS://a.tenant.example", "https://a.tenant.example/",
                "https://a.tenant.example:443", "http://a.tenant.example:80", "https://a.tenant.example\r\n",
                "https://a..tenant.example", "https://a.tenant.example.", "https://user@a.tenant.example",
                "https://a.tenant.example, https://b.tenant.example", "https://" + "a".repeat(2000))) {
            assertThat(origins.allows(hostile)).as(hostile).isFalse();
        }
        assertThat(asked).isEmpty();
        assertThat(origins.allows("https://a.tenant.example:8443")).isFalse();
        assertThat(origins.allows("https://a.tenant.example")).isTrue();
        assertThat(asked).containsExactly("https://a.tenant.example:8443", "https://a.tenant.example");
    }

    @Test
    void failuresAreRefusals() {
        assertThat(origins(false, null, 0).allows("https://fail.tenant.example")).isFalse();
    }

    @Test
    void withCredentialsInsecureOriginsAreRefusedWhateverTheResolverSays() {
        DynamicOrigins origins = origins(true, null, 0);

        assertThat(origins.allows("http://a.tenant.example")).isFalse();
        assertThat(origins.allows("http://localhost:3000")).isTrue();
        assertThat(origins.allows("http://127.0.0.1:3000")).isTrue();
        assertThat(origins.allows("http://[::1]:3000")).isTrue();
        assertThat(asked).containsExactly("http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000");
        assertThat(origins(false, null, 0).allows("http://a.tenant.example")).isTrue();
    }

    @Test
    void remembersAnswersForTheirLifetime() {
        DynamicOrigins origins = origins(false, Duration.ofSeconds(10), 100);

        assertThat(origins.allows("https://a.tenant.example")).isTrue();
        assertThat(origins.allows("https://b.other.example")).isFalse();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(origins.allows("https://a.tenant.example")).isTrue();
        assertThat(origins.allows("https://b.other.example")).isFalse();
        assertThat(asked).hasSize(2);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(origins.allows("https://a.tenant.example")).isTrue();
        assertThat(asked).hasSize(3);
    }

    @Test
    void cacheStaysWithinItsSize() {
        DynamicOrigins origins = origins(false, Duration.ofHours(1), 50);

        for (int i = 0; i < 1_000; i++) {
            origins.allows("https://t" + i + ".tenant.example");
            assertThat(origins.cachedAnswers()).isLessThanOrEqualTo(50);
        }
        assertThat(asked).hasSize(1_000);
    }

    final FlakyResolver tenants = new FlakyResolver(origin -> origin.endsWith(".tenant.example"));

    DynamicOrigins cached(int size) {
        return new DynamicOrigins(tenants, false, Duration.ofHours(24), size, now::get);
    }

    @Test
    void aResolverFailureIsNotRememberedTheNextRequestAsksAgain() {
        DynamicOrigins origins = cached(100);

        tenants.failWith(new IllegalStateException("database blip"));
        assertThat(origins.allows("https://a.tenant.example")).isFalse();
        tenants.answerAgain();
        assertThat(origins.allows("https://a.tenant.example")).isTrue();
        assertThat(origins.allows("https://a.tenant.example")).isTrue();

        assertThat(tenants.asked()).containsExactly("https://a.tenant.example", "https://a.tenant.example");
    }

    @Test
    void resolverFailuresAreLoggedFirstWithTheirStackTraceThenSummarisedOncePerMinute() {
        DynamicOrigins origins = cached(100);
        tenants.failWith(new IllegalStateException("database down"));

        try (LogRecorder log = LogRecorder.start()) {
            for (int i = 0; i < 1_000; i++) {
                origins.allows("https://random-" + i + ".tenant.example");
            }
            now.addAndGet(Duration.ofSeconds(30).toNanos());
            for (int i = 0; i < 500; i++) {
                origins.allows("https://other-" + i + ".tenant.example");
            }
            assertThat(log.entries("WARN")).singleElement().satisfies(first -> {
                assertThat(first.message()).contains("\"https://random-0.tenant.example\"");
                assertThat(first.hasStackTrace()).isTrue();
                assertThat(first.trace().get(0)).contains("IllegalStateException: database down");
            });

            now.addAndGet(Duration.ofSeconds(30).toNanos());
            origins.allows("https://last.tenant.example");
            assertThat(log.entries("WARN")).hasSize(2).last().satisfies(summary -> {
                assertThat(summary.message()).contains("1500 more times in 60 seconds")
                        .contains("\"https://last.tenant.example\"")
                        .contains("IllegalStateException: database down");
                assertThat(summary.hasStackTrace()).isFalse();
            });

            tenants.answerAgain();
            now.addAndGet(Duration.ofMinutes(10).toNanos());
            tenants.failWith(new IllegalStateException("database down again"));
            origins.allows("https://next.tenant.example");
            assertThat(log.entries("WARN")).hasSize(3).last().satisfies(next -> {
                assertThat(next.message()).contains("\"https://next.tenant.example\"");
                assertThat(next.hasStackTrace()).isTrue();
            });

            for (int i = 0; i < 3; i++) {
                now.addAndGet(Duration.ofSeconds(1).toNanos());
                origins.allows("https://late-" + i + ".tenant.example");
            }
            now.addAndGet(Duration.ofMinutes(10).toNanos());
            origins.allows("https://much-later.tenant.example");
            assertThat(log.entries("WARN")).hasSize(5).extracting(LogRecorder.Entry::hasStackTrace)
                    .containsExactly(true, false, true, false, true);
            assertThat(log.entries("WARN").get(3).message()).contains("failed 3 more times in 3 seconds")
                    .contains("\"https://late-2.tenant.example\"");
        }
    }

    @Test
    void aResolverThatThrowsAnErrorRefusesTheOriginAndIsAskedAgain() {
        DynamicOrigins origins = cached(100);

        for (Throwable error : List.of(new StackOverflowError(), new AssertionError("invariant"),
                new NoClassDefFoundError("com/example/Tenants"), new ExceptionInInitializerError("static init"))) {
            tenants.failWith(error);
            assertThat(origins.allows("https://a.tenant.example")).as(error.toString()).isFalse();
        }
        tenants.answerAgain();
        assertThat(origins.allows("https://a.tenant.example")).isTrue();
        assertThat(tenants.asked()).hasSize(5);
    }

    @Test
    void anInterruptedResolverRefusesTheOriginAndKeepsTheThreadInterrupted() throws Exception {
        DynamicOrigins origins = cached(100);
        tenants.failWith(new InterruptedException());

        try {
            assertThat(origins.allows("https://a.tenant.example")).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void outOfMemoryInTheResolverIsTheJvmsProblemAndPropagates() {
        DynamicOrigins origins = cached(100);
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");
        tenants.failWith(error);

        assertThatThrownBy(() -> origins.allows("https://a.tenant.example")).isSameAs(error);
    }

    @Test
    void aFullCacheForgetsItsOldestAnswerNotAllOfThem() {
        DynamicOrigins origins = cached(3);

        for (String tenant : List.of("a", "b", "c", "d")) {
            origins.allows("https://" + tenant + ".tenant.example");
        }
        for (String tenant : List.of("b", "c", "d")) {
            assertThat(origins.allows("https://" + tenant + ".tenant.example")).isTrue();
        }

        assertThat(tenants.asked()).hasSize(4);
        assertThat(origins.cachedAnswers()).isEqualTo(3);
    }

    /** Many threads on a small cache, with a clock that moves: every answer right, no exception, never too big. */
    @Test
    void manyThreadsOnASmallCacheGetNoWrongAnswerAndNoException() throws Exception {
        AtomicLong clock = new AtomicLong();
        FlakyResolver resolver = new FlakyResolver(origin -> isAllowed(index(origin)));
        DynamicOrigins origins = new DynamicOrigins(origin -> {
            if (index(origin) % 7 == 0) {
                throw new IllegalStateException("this tenant's record is broken");
            }
            return resolver.allows(origin);
        }, false, Duration.ofNanos(50), 4, clock::get);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 20_000; i++) {
                        int index = random.nextInt(40);
                        clock.addAndGet(random.nextInt(3));
                        boolean expected = index % 7 != 0 && isAllowed(index);
                        assertThat(origins.allows("https://t" + index + ".example")).as("t%d", index).isEqualTo(expected);
                        assertThat(origins.cachedAnswers()).isLessThanOrEqualTo(4);
                    }
                    return 0;
                });
            }
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(resolver.asked()).isNotEmpty();
    }

    /** What some libraries throw: an exception whose message is computed lazily, by code that fails. */
    static final class UnprintableException extends RuntimeException {
        UnprintableException() {
            super(null, null, false, true);
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("message formatter failed");
        }
    }

    @Test
    void anExceptionThatCannotBeDescribedIsARefusalAndStillLogged() {
        DynamicOrigins origins = cached(100);
        tenants.failWith(new UnprintableException());

        try (LogRecorder log = LogRecorder.start()) {
            for (String tenant : List.of("a", "b", "c")) {
                assertThatCode(() -> assertThat(origins.allows("https://" + tenant + ".tenant.example")).isFalse())
                        .as("logging a failure never throws").doesNotThrowAnyException();
            }
            now.addAndGet(Duration.ofMinutes(1).toNanos());
            assertThatCode(() -> origins.allows("https://d.tenant.example")).doesNotThrowAnyException();

            assertThat(log.entries("WARN")).satisfiesExactly(
                    first -> {
                        assertThat(first.message()).contains("failed for \"https://a.tenant.example\"");
                        assertThat(first.trace()).anySatisfy(line -> assertThat(line)
                                .contains(UnprintableException.class.getName()));
                        assertThat(first.trace()).anySatisfy(line -> assertThat(line)
                                .contains("DynamicOriginsTest.anExceptionThatCannotBeDescribed"));
                    },
                    summary -> assertThat(summary.message()).contains("failed 2 more times")
                            .contains(UnprintableException.class.getName()),
                    next -> assertThat(next.message()).contains("failed for \"https://d.tenant.example\""));
        }
    }

    /**
     * An outage shorter than the log interval: the first failure is logged, the rest are counted, and the
     * count used to wait for a failure that never came once the resolver recovered.
     */
    @Test
    void theFailuresOfAShortOutageAreCountedOnceTheResolverAnswersAgain() {
        DynamicOrigins origins = cached(100_000);
        tenants.failWith(new IllegalStateException("database down"));

        try (LogRecorder log = LogRecorder.start()) {
            for (int i = 0; i < 1000; i++) {
                now.set(i * Duration.ofSeconds(59).toNanos() / 1000);
                origins.allows("https://t" + i + ".tenant.example");
            }
            tenants.answerAgain();
            now.set(Duration.ofMillis(59_500).toNanos());
            assertThat(origins.allows("https://first-after.tenant.example")).isTrue();
            assertThat(log.entries("WARN")).as("no more than one line a minute").hasSize(1);

            now.set(Duration.ofMinutes(1).toNanos());
            assertThat(origins.allows("https://a-minute-after.tenant.example")).isTrue();
            assertThat(log.entries("WARN")).hasSize(2).last().satisfies(summary -> assertThat(summary.message())
                    .contains("failed 999 more times in 58 seconds")
                    .contains("\"https://t999.tenant.example\"")
                    .contains("answered since"));

            now.addAndGet(Duration.ofHours(1).toNanos());
            origins.allows("https://later.tenant.example");
            assertThat(log.entries("WARN")).as("written once").hasSize(2);
        }
    }

    /**
     * Requests from one origin that arrive while its answer is being looked up wait for that lookup instead of
     * each calling the resolver: an entry of a popular tenant expiring under load costs one call, not one per
     * request in flight.
     */
    @Test
    void concurrentMissesForOneOriginShareOneCallToTheResolver() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        DynamicOrigins origins = new DynamicOrigins(origin -> {
            calls.incrementAndGet();
            inside.countDown();
            return release.await(10, TimeUnit.SECONDS);
        }, false, Duration.ofHours(1), 100, now::get);
        List<Thread> requests = new ArrayList<>();
        List<Boolean> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            requests.add(new Thread(() -> answers.add(origins.allows("https://popular.tenant.example"))));
        }
        requests.get(0).start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        requests.subList(1, requests.size()).forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // Every request is blocked: in the resolver, or waiting for the lookup of another.
        while (!requests.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING
                || thread.getState() == Thread.State.TIMED_WAITING) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread request : requests) {
            request.join(10_000);
        }

        assertThat(answers).hasSize(16).containsOnly(true);
        assertThat(calls).as("resolver calls for one origin within one cache lifetime").hasValue(1);
    }

    /**
     * The re-entrant call is refused rather than recursing, and the outer call counts as a failure, logged with
     * the stack trace of the call that came back in, and with a sane duration in the summary that follows.
     */
    @Test
    void aReentrantResolverIsLoggedWithTheStackTraceOfTheCallThatCameBackIn() {
        AtomicReference<DynamicOrigins> self = new AtomicReference<>();
        DynamicOrigins origins = new DynamicOrigins(origin -> self.get().allows(origin), false,
                Duration.ofHours(1), 100, now::get);
        self.set(origins);
        now.set(Duration.ofHours(5).toNanos());

        try (LogRecorder log = LogRecorder.start()) {
            for (int i = 0; i < 5; i++) {
                now.addAndGet(Duration.ofSeconds(1).toNanos());
                assertThat(origins.allows("https://x.tenant.example")).isFalse();
            }
            now.addAndGet(Duration.ofSeconds(56).toNanos());
            origins.allows("https://x.tenant.example");

            assertThat(log.entries("WARN")).satisfiesExactly(first -> {
                assertThat(first.message()).contains("failed for \"https://x.tenant.example\"");
                assertThat(first.trace().get(0)).contains("asked about \"https://x.tenant.example\" again");
                assertThat(first.trace()).anySatisfy(line -> assertThat(line).contains("DynamicOrigins.allows"));
            }, summary -> assertThat(summary.message()).contains("failed 5 more times in 60 seconds"));
        }
    }

    private static boolean isAllowed(int index) {
        return index % 2 == 0;
    }

    private static int index(String origin) {
        return Integer.parseInt(origin.substring("https://t".length(), origin.indexOf('.')));
    }
}
