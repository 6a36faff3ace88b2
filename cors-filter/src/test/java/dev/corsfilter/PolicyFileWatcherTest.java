package dev.corsfilter;

import dev.corsfilter.testing.LogRecorder;
import dev.corsfilter.testing.NamedPipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watched properties file under faults, with real files in a temporary directory. Most tests run the
 * watcher's check directly rather than waiting for its schedule; those about the schedule itself use an
 * interval of milliseconds and wait for what they expect, never longer than needed.
 */
class PolicyFileWatcherTest {

    static final String ONE = "allowed-origins=https://one.example\n";
    static final String TWO = "allowed-origins=https://two.example\n";

    @TempDir
    Path directory;

    CorsFilter filter;

    @AfterEach
    void destroy() {
        if (filter != null) {
            filter.destroy();
        }
    }

    Path file() {
        return directory.resolve("cors.properties");
    }

    void write(String content) throws IOException {
        Files.writeString(file(), content);
    }

    ConfigurationSources sources(Path file) {
        return new ConfigurationSources(
                Map.of("config-file", file.toString(), "config-file-watch-seconds", "3600"), Map.of(), Map.of());
    }

    /** A filter configured by name that watches {@code file} (its own schedule is an hour: checks are run here). */
    CorsFilter watching(Path file) {
        filter = new CorsFilter();
        filter.init(sources(file));
        return filter;
    }

    List<String> origins() {
        return filter.policy().allowedOrigins();
    }

    /** The watcher a filter started, to run its check now instead of waiting for its schedule. */
    static PolicyFileWatcher watcherOf(CorsFilter filter) {
        try {
            Field field = CorsFilter.class.getDeclaredField("watcher");
            field.setAccessible(true);
            return (PolicyFileWatcher) field.get(filter);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the checks an edit needs to be applied: the file must read the same twice in a row. */
    static void checkTwice(CorsFilter filter) {
        PolicyFileWatcher watcher = watcherOf(filter);
        watcher.check();
        watcher.check();
    }

    static long watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("cors-config-watcher") && thread.isAlive()).count();
    }

    @Test
    void editsApplyWhenValidAndAreIgnoredWhenNot() throws IOException {
        write(ONE);
        watching(file());
        assertThat(origins()).containsExactly("https://one.example");

        write(TWO);
        checkTwice(filter);
        assertThat(origins()).containsExactly("https://two.example");

        write("allowed-origins=https://broken.example/\n");
        checkTwice(filter);
        assertThat(origins()).containsExactly("https://two.example");

        write("allowed-origins=*\n");
        checkTwice(filter);
        assertThat(filter.policy().allowsAnyOrigin()).isTrue();
    }

    // --------------------------------------------------------------------------------------------------- lifecycle

    @Test
    void initTwiceLeavesOneWatcherAndDestroyStopsEveryThreadTheFilterStarted() throws IOException {
        write(ONE);
        long before = watcherThreads();
        watching(file());
        PolicyFileWatcher first = watcherOf(filter);

        filter.init(sources(file()));
        assertThat(watcherThreads() - before).isEqualTo(1);
        filter.destroy();
        assertThat(watcherThreads() - before).isZero();

        // The first watcher, had it survived, would now reconfigure the destroyed filter.
        write(TWO);
        first.check();
        first.check();
        assertThat(origins()).containsExactly("https://one.example");
    }

    // --------------------------------------------------------------------------------------- errors and huge files

    @Test
    void anErrorDuringACheckIsLoggedAndTheWatcherKeepsWatching() throws Exception {
        write(ONE);
        AtomicInteger applied = new AtomicInteger();
        CountDownLatch appliedAfterTheError = new CountDownLatch(1);
        Consumer<InitParameters.Configuration> apply = configuration -> {
            if (applied.getAndIncrement() == 0) {
                throw new OutOfMemoryError("Java heap space");
            }
            appliedAfterTheError.countDown();
        };
        PolicyFileWatcher watcher = new PolicyFileWatcher(file(), Duration.ofMillis(5), Files.readAllBytes(file()),
                sources(file()), new ResolverInstances(), apply);
        try (LogRecorder log = LogRecorder.start()) {
            write(TWO);

            assertThat(appliedAfterTheError.await(10, TimeUnit.SECONDS)).as("applied on a later check").isTrue();
            assertThat(log.entries("WARN")).singleElement().satisfies(warning -> {
                assertThat(warning.message()).contains(file().toString());
                assertThat(warning.trace().get(0)).contains("OutOfMemoryError: Java heap space");
            });
        } finally {
            watcher.close();
        }
    }

    @Test
    void aFileOverOneMebibyteIsRefusedWithAClearMessageInsteadOfBeingRead() throws IOException {
        write(ONE);
        watching(file());

        try (LogRecorder log = LogRecorder.start()) {
            write(TWO + "# " + "x".repeat(1 << 20) + "\n");
            checkTwice(filter);
            checkTwice(filter);

            assertThat(origins()).containsExactly("https://one.example");
            assertThat(log.entries("WARN")).singleElement().satisfies(warning -> assertThat(warning.message())
                    .contains(file().toString()).contains("larger than 1 MiB"));
        }
    }

    // ------------------------------------------------------------------------- half-written files and safe updates

    @Test
    void aHalfWrittenFileIsNotAppliedUntilItReadsTheSameTwice() throws IOException {
        write("allowed-origins=https://app.example.com\nallow-credentials=true\nallowed-methods=PUT\n");
        watching(file());
        PolicyFileWatcher watcher = watcherOf(filter);

        // A writer caught mid-write: the credentials line is not there yet, and what is there parses.
        write("allowed-origins=https://app.example.com\n");
        watcher.check();
        assertThat(filter.policy().allowsCredentials()).isTrue();

        write("allowed-origins=https://app.example.com\nallow-credentials=true\nallowed-methods=PUT, DELETE\n");
        watcher.check();
        assertThat(filter.policy().allowedMethods()).containsExactly("PUT");
        watcher.check();
        assertThat(filter.policy().allowedMethods()).containsExactly("PUT", "DELETE");
        assertThat(filter.policy().allowsCredentials()).isTrue();
    }

    /**
     * A file rewritten at every look (a template agent stamping the time in a comment) differed at every look,
     * so it was never applied, and nothing said why. What must read the same twice is the settings, not the
     * bytes; and a file whose settings keep changing is said to, once.
     */
    @Test
    void aFileWhoseCommentChangesAtEveryLookIsAppliedAndOneThatNeverSettlesIsReported() throws IOException {
        write(ONE);
        watching(file());
        PolicyFileWatcher watcher = watcherOf(filter);

        try (LogRecorder log = LogRecorder.start()) {
            for (int look = 0; look < 2; look++) {
                write("# rendered at 2024-01-01T00:00:0" + look + "Z\n" + TWO);
                watcher.check();
            }
            assertThat(origins()).containsExactly("https://two.example");
            assertThat(log.entries("INFO")).extracting(LogRecorder.Entry::message)
                    .containsExactly("CORS configuration reloaded from " + file());

            for (int look = 0; look < 10; look++) {
                write("allowed-origins=https://two.example\nmax-age=" + (100 + look) + "\n");
                watcher.check();
            }
            assertThat(filter.policy().maxAge()).isEmpty();
            assertThat(log.entries("INFO")).extracting(LogRecorder.Entry::message).containsExactly(
                    "CORS configuration reloaded from " + file(),
                    "CORS configuration file " + file() + " has changed at each of the last 3 looks; it is applied"
                            + " once it reads the same at two looks in a row");
        }
    }

    @Test
    void aFileReplacedByRenamingATemporaryFileIsApplied() throws IOException {
        write(ONE);
        watching(file());

        Path temporary = directory.resolve(".cors.properties.tmp");
        Files.writeString(temporary, TWO);
        Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        checkTwice(filter);

        assertThat(origins()).containsExactly("https://two.example");
    }

    /**
     * How Kubernetes updates a mounted ConfigMap: the file is a link through {@code ..data}, a link to a
     * directory named by time, which an update replaces by renaming a new link over it.
     */
    @Test
    void aKubernetesConfigMapSymlinkSwapIsApplied() throws IOException {
        Path first = Files.createDirectory(directory.resolve("..2024_01_01_00_00_00.1"));
        Files.writeString(first.resolve("cors.properties"), ONE);
        Path data = Files.createSymbolicLink(directory.resolve("..data"), first.getFileName());
        Path mounted = Files.createSymbolicLink(directory.resolve("cors.properties"),
                data.getFileName().resolve("cors.properties"));
        watching(mounted);
        assertThat(origins()).containsExactly("https://one.example");

        Path second = Files.createDirectory(directory.resolve("..2024_01_01_00_05_00.2"));
        Files.writeString(second.resolve("cors.properties"), TWO);
        Path swap = Files.createSymbolicLink(directory.resolve("..data_tmp"), second.getFileName());
        Files.move(swap, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(first.resolve("cors.properties"));
        Files.delete(first);
        checkTwice(filter);

        assertThat(origins()).containsExactly("https://two.example");
    }

    // -------------------------------------------------------------------------------- deleted and unreadable files

    @Test
    void aDeletedOrUnreadableFileKeepsTheLastGoodPolicyAndLogsOneWarning() throws IOException {
        write(ONE);
        watching(file());

        try (LogRecorder log = LogRecorder.start()) {
            Files.delete(file());
            for (int i = 0; i < 3; i++) {
                checkTwice(filter);
            }
            assertThat(origins()).containsExactly("https://one.example");
            assertThat(log.entries("WARN")).singleElement().satisfies(warning -> assertThat(warning.message())
                    .contains(file().toString()).contains("no such file").contains("stays in force"));

            write(ONE);
            checkTwice(filter);
            assertThat(log.entries("INFO")).singleElement().satisfies(info -> assertThat(info.message())
                    .contains(file().toString()).contains("can be read again"));

            Files.delete(file());
            Files.createDirectory(file());
            for (int i = 0; i < 3; i++) {
                checkTwice(filter);
            }
            assertThat(origins()).containsExactly("https://one.example");
            assertThat(log.entries("WARN")).hasSize(2);
        }
    }

    /**
     * A named pipe in place of the file: opening it blocked the watcher's thread in native code until a writer
     * came, where no interrupt reaches, so it never checked again and outlived destroy().
     */
    @Test
    void aFileReplacedByANamedPipeIsRefusedAndTheWatcherKeepsWatching() throws Exception {
        write(ONE);
        long before = watcherThreads();
        watching(file());
        PolicyFileWatcher watcher = watcherOf(filter);
        Files.delete(file());

        try (NamedPipe pipe = NamedPipe.make(file()); LogRecorder log = LogRecorder.start()) {
            CompletableFuture.runAsync(watcher::check).get(10, TimeUnit.SECONDS);
            CompletableFuture.runAsync(watcher::check).get(10, TimeUnit.SECONDS);

            assertThat(log.entries("WARN")).singleElement().satisfies(warning -> assertThat(warning.message())
                    .contains(file().toString()).contains("not a regular file").contains("stays in force"));
            assertThat(origins()).containsExactly("https://one.example");
        }
        write(TWO);
        checkTwice(filter);
        assertThat(origins()).containsExactly("https://two.example");
        filter.destroy();
        assertThat(watcherThreads() - before).isZero();
    }

    // ------------------------------------------------------------------------------ resolvers created by class name

    /** A resolver named by class, holding a resource until closed; counts its instances by class. */
    public abstract static class HoldingResolver implements OriginResolver, AutoCloseable {
        static final Map<Class<?>, AtomicInteger> CREATED = new java.util.concurrent.ConcurrentHashMap<>();
        static final Map<Class<?>, AtomicInteger> CLOSED = new java.util.concurrent.ConcurrentHashMap<>();

        HoldingResolver() {
            CREATED.computeIfAbsent(getClass(), type -> new AtomicInteger()).incrementAndGet();
        }

        static int created(Class<?> type) {
            return CREATED.getOrDefault(type, new AtomicInteger()).get();
        }

        static int closed(Class<?> type) {
            return CLOSED.getOrDefault(type, new AtomicInteger()).get();
        }

        @Override
        public boolean allows(String origin) {
            return false;
        }

        @Override
        public void close() {
            CLOSED.computeIfAbsent(getClass(), type -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** One resolver class. */
    public static final class TenantsV1 extends HoldingResolver {
    }

    /** Another. */
    public static final class TenantsV2 extends HoldingResolver {
    }

    /** A third, named only by an edit that is refused. */
    public static final class TenantsV3 extends HoldingResolver {
    }

    /**
     * Each reload used to create the origin-resolver class again, edit or not, and nothing released the
     * instances: a resolver refreshing its origins in the background, as the docs recommend, leaked a
     * refresher at every edit.
     */
    @Test
    void aResolverNamedInTheFileIsKeptAcrossReloadsAndClosedOnceDroppedOrDestroyed() throws IOException {
        HoldingResolver.CREATED.clear();
        HoldingResolver.CLOSED.clear();
        String v1 = "origin-resolver=" + TenantsV1.class.getName() + "\n";
        write(ONE + v1);
        watching(file());
        OriginResolver first = filter.policy().originResolver().orElseThrow();

        for (int edit = 0; edit < 5; edit++) {
            write(ONE + v1 + "max-age=" + (600 + edit) + "\n");
            checkTwice(filter);
        }
        assertThat(filter.policy().maxAge()).contains(Duration.ofSeconds(604));
        assertThat(filter.policy().originResolver()).containsSame(first);
        assertThat(HoldingResolver.created(TenantsV1.class)).isEqualTo(1);

        write(ONE + "origin-resolver=" + TenantsV2.class.getName() + "\n");
        checkTwice(filter);
        assertThat(filter.policy().originResolver()).get().isInstanceOf(TenantsV2.class);
        assertThat(HoldingResolver.closed(TenantsV1.class)).as("dropped by the edit").isEqualTo(1);

        write(ONE + "origin-resolver=" + TenantsV3.class.getName() + "\nmax-age=forever\n");
        checkTwice(filter);
        assertThat(filter.policy().originResolver()).get().isInstanceOf(TenantsV2.class);
        assertThat(HoldingResolver.closed(TenantsV3.class)).as("created for an edit that was refused")
                .isEqualTo(HoldingResolver.created(TenantsV3.class));

        filter.destroy();
        filter = null;
        assertThat(HoldingResolver.closed(TenantsV2.class)).as("closed by destroy()").isEqualTo(1);
        assertThat(HoldingResolver.CREATED.keySet()).allSatisfy(type -> assertThat(HoldingResolver.closed(type))
                .as(type.getSimpleName()).isEqualTo(HoldingResolver.created(type)));
    }

    @Test
    void aResolverOfAConfigurationThatFailsToStartIsClosed() throws IOException {
        HoldingResolver.CREATED.clear();
        HoldingResolver.CLOSED.clear();
        write(ONE + "origin-resolver=" + TenantsV1.class.getName() + "\nmax-age=forever\n");

        CorsFilter refused = new CorsFilter();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> refused.init(sources(file()))))
                .isInstanceOf(InvalidCorsPolicyException.class);
        assertThat(HoldingResolver.created(TenantsV1.class)).isEqualTo(1);
        assertThat(HoldingResolver.closed(TenantsV1.class)).isEqualTo(1);
    }
}
