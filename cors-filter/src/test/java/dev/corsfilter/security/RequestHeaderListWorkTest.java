package dev.corsfilter.security;

import dev.corsfilter.internal.AsciiSet;
import dev.corsfilter.internal.OriginMatcher;
import dev.corsfilter.internal.OriginPattern;
import dev.corsfilter.internal.RequestHeaderList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves, by counting work instead of timing it, that reading a hostile
 * {@code Access-Control-Request-Headers} value costs at most a constant number of character reads per
 * character, and never more than the caps allow whatever the input's size: {@link RequestHeaderList#check}
 * runs on a {@link CharSequence} that counts every {@code charAt} (its own reads and those of the hash set
 * it probes), for adversarial shapes of growing length. It also proves that the check, and the origin
 * match, allocate nothing, with the JVM's per-thread allocation counter.
 */
class RequestHeaderListWorkTest {

    /** The most reads per character any shape may cost: the scan, the hash and the comparison read each about twice. */
    static final int READS_PER_CHAR = 3;
    /** The most reads any value may cost, whatever its length: the length cap times the constant. */
    static final long READ_CAP = (long) READS_PER_CHAR * RequestHeaderList.MAX_LENGTH + 64;

    static final AsciiSet ALLOWED = AsciiSet.caseInsensitive(List.of("content-type", "x-request-id", "authorization",
            "x-" + "a".repeat(200)));

    /** A character sequence that counts how often it is read. */
    static final class CountingChars implements CharSequence {
        private final String text;
        long reads;

        CountingChars(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new AssertionError("the check must not copy the value");
        }

        @Override
        public String toString() {
            throw new AssertionError("the check must not copy the value");
        }
    }

    /** An adversarial shape: the value of a given length. */
    record Shape(String name, IntFunction<String> ofLength) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("commas only", n -> ",".repeat(n)),
                new Shape("spaces only", n -> " ".repeat(n)),
                new Shape("tabs and commas", n -> repeat("\t,", n)),
                new Shape("one long name", n -> "x".repeat(n)),
                new Shape("one long name then a bad byte", n -> "x".repeat(Math.max(0, n - 1)) + "\u0000"),
                new Shape("allowed names", n -> repeat("content-type,", n)),
                new Shape("allowed names padded", n -> repeat(" content-type ,", n)),
                new Shape("near-miss names", n -> repeat("content-typ,", n)),
                new Shape("near-miss of a long allowed name", n -> repeat("x-" + "a".repeat(199) + "b,", n)),
                new Shape("prefix of a long allowed name", n -> repeat("x-" + "a".repeat(150) + ",", n)),
                new Shape("one-letter names", n -> repeat("a,", n)),
                new Shape("names with case changes", n -> repeat("CoNtEnT-TyPe,", n)),
                new Shape("empty elements between names", n -> repeat("content-type,,", n)),
                new Shape("white space runs", n -> repeat("content-type" + " ".repeat(40) + ",", n)),
                new Shape("authorization with a wildcard", n -> repeat("authorization,", n)),
                new Shape("non-token after a valid prefix", n -> repeat("content-type", n - 1) + ";"));
    }

    static String repeat(String unit, int length) {
        StringBuilder out = new StringBuilder(length + unit.length());
        while (out.length() < length) {
            out.append(unit);
        }
        return out.substring(0, Math.max(0, length));
    }

    static long reads(String value, boolean anyName) {
        CountingChars chars = new CountingChars(value);
        RequestHeaderList.check(chars, ALLOWED, anyName);
        return chars.reads;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsAreLinearInTheLengthAndCappedWhateverTheSize(Shape shape) {
        List<String> report = new ArrayList<>();
        for (int length : new int[] {0, 1, 16, 64, 256, 1024, 2048, 4096, 4097, 16_384, 1 << 20}) {
            String value = shape.ofLength().apply(length);
            for (boolean anyName : new boolean[] {false, true}) {
                long reads = reads(value, anyName);
                report.add(length + (anyName ? "*" : "") + ":" + reads);
                assertThat(reads).as("%s, length %d, wildcard %s", shape, length, anyName)
                        .isLessThanOrEqualTo((long) READS_PER_CHAR * value.length() + 64)
                        .isLessThanOrEqualTo(READ_CAP);
                if (value.length() > RequestHeaderList.MAX_LENGTH) {
                    assertThat(reads).as("a value over the length cap is refused unread").isZero();
                }
            }
        }
        System.out.printf("ACRH reads for %s (length:reads): %s%n", shape, report);
    }

    @Test
    void elementCapsStopTheScanLongBeforeTheEndOfTheValue() {
        // 2,000 names and 4,000 empty elements fit in the length cap; the scan stops at the element caps.
        String manyNames = repeat("a,", RequestHeaderList.MAX_LENGTH);
        String manyEmpty = ",".repeat(RequestHeaderList.MAX_LENGTH);
        String manyAllowed = repeat("content-type,", RequestHeaderList.MAX_LENGTH);

        assertThat(RequestHeaderList.verdict(RequestHeaderList.check(manyNames, ALLOWED, true)))
                .isEqualTo(RequestHeaderList.Verdict.TOO_LARGE);
        // Only the part up to the element that trips a cap is read.
        int names = 2 * (RequestHeaderList.MAX_ELEMENTS + 1);
        int empties = RequestHeaderList.MAX_EMPTY_ELEMENTS + 1;
        int allowedNames = "content-type,".length() * (RequestHeaderList.MAX_ELEMENTS + 1);
        assertThat(reads(manyNames, true)).isLessThanOrEqualTo(READS_PER_CHAR * names + 64L);
        assertThat(reads(manyEmpty, false)).isLessThanOrEqualTo(READS_PER_CHAR * empties + 64L);
        assertThat(reads(manyAllowed, false)).isLessThanOrEqualTo(READS_PER_CHAR * allowedNames + 64L);
        // The cost no longer grows with the value once a cap is reached.
        assertThat(reads(repeat("a,", 1000), true)).isEqualTo(reads(repeat("a,", 4000), true));
        assertThat(reads(",".repeat(100), false)).isEqualTo(reads(",".repeat(4000), false));
    }

    @Test
    void checkingAndMatchingAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled(), "per-thread allocation counting is not available");
        List<dev.corsfilter.PolicyProblem> problems = new ArrayList<>();
        List<OriginPattern> patterns = Stream.of("https://app.example.com", "https://*.preview.example.com",
                "https://*.example.org:*", "http://localhost:*")
                .map(origin -> OriginPattern.parse(origin, "allowedOrigins", problems)).toList();
        OriginMatcher matcher = new OriginMatcher(patterns, false);
        String[] values = List.of(",".repeat(4000), repeat("content-type,", 4000), repeat(" a ,", 4000),
                repeat("content-typ,", 4000), "x".repeat(4096), "content-type,x-request-id").toArray(String[]::new);
        String[] origins = List.of("https://" + "a.".repeat(500) + "preview.example.com",
                "https://pr-1.preview.example.com", "https://evil.net", "http://localhost:5173", "x".repeat(1024),
                "https://" + "a".repeat(990) + ".example.org:8443").toArray(String[]::new);
        long sink = 0;
        for (int warmUp = 0; warmUp < 2_000; warmUp++) {
            sink += work(values, origins, matcher);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 1_000; round++) {
            sink += work(values, origins, matcher);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        System.out.printf("bytes allocated by 6,000 header checks and 6,000 origin matches: %d (%d)%n", allocated, sink);
        assertThat(allocated).as("bytes allocated").isLessThan(1_024);
    }

    /** Loops over arrays by index: an iterator would be the only allocation. */
    private static long work(String[] values, String[] origins, OriginMatcher matcher) {
        long result = 0;
        for (int i = 0; i < values.length; i++) {
            result += RequestHeaderList.check(values[i], ALLOWED, false);
        }
        for (int i = 0; i < origins.length; i++) {
            result += matcher.matches(origins[i]) ? 1 : 0;
        }
        return result;
    }
}
