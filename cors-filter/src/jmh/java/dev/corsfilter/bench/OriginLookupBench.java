package dev.corsfilter.bench;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.internal.OriginMatcher;
import dev.corsfilter.internal.OriginPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Diagnosis, not part of the suite's tables (bench/run.sh leaves it out): the cost of deciding whether the
 * {@code Origin} value is an allowed exact origin, with cors-filter's {@code OriginMatcher} (an
 * {@code AsciiSet} that hashes and compares character by character through {@code CharSequence}) against a
 * {@code HashSet<String>} ({@code String.hashCode()} and the {@code String.equals} intrinsic).
 *
 * <p>{@code fresh=true} copies the origin into a new {@code String} before each lookup, as a server would
 * for every request (so {@code String.hashCode()} is not cached); the copy costs the same in every method,
 * and {@link #copyOnly()} measures it. Run it from the last snapshot build:
 * {@code java -cp "$(cat /tmp/cors-filter-bench-build/classpath.txt)" org.openjdk.jmh.Main OriginLookupBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OriginLookupBench {

    @Param({"1", "10000"})
    public int origins;

    @Param({"false", "true"})
    public boolean fresh;

    private OriginMatcher matcher;
    private Set<String> hashSet;
    private String origin;
    private char[] originChars;

    @Setup
    public void setUp() {
        List<String> raw = Policy.exactOrigins(origins).exactOrigins();
        List<PolicyProblem> problems = new ArrayList<>();
        List<OriginPattern> patterns = new ArrayList<>();
        for (String value : raw) {
            patterns.add(OriginPattern.parse(value, "allowedOrigins", problems));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        matcher = new OriginMatcher(patterns, false);
        hashSet = new HashSet<>(raw);
        origin = Policy.ORIGIN;
        originChars = origin.toCharArray();
        if (!matcher.matches(origin) || !hashSet.contains(origin)) {
            throw new IllegalStateException("origin not found");
        }
    }

    private String candidate() {
        return fresh ? new String(originChars) : origin;
    }

    @Benchmark
    public String copyOnly() {
        return candidate();
    }

    @Benchmark
    public boolean originMatcher() {
        return matcher.matches(candidate());
    }

    @Benchmark
    public boolean stringHashSet() {
        return hashSet.contains(candidate());
    }
}
