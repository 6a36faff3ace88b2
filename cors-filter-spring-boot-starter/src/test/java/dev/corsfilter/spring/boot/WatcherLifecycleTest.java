package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thread that watches {@code cors.config-file} ends with the application context, also when no servlet
 * container ever calls {@code Filter.destroy()}: a context without a server (MockMvc tests, a context runner) or
 * one whose startup failed after the filter bean was made.
 */
class WatcherLifecycleTest {

    @Test
    void closingAContextWithoutAServerStopsTheWatcher(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("cors.properties"), "allowed-origins = https://app.example.com\n");

        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CorsFilterAutoConfiguration.class))
                .withPropertyValues("cors.config-file=" + file, "cors.config-file-watch-seconds=1")
                .run(context -> {
                    assertThat(context).hasSingleBean(CorsFilter.class);
                    assertThat(watchers(file)).as("watching while the context runs").hasSize(1);
                });

        assertThat(watchers(file)).as("watcher threads alive after the context closed").isEmpty();
    }

    private static List<String> watchers(Path file) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("cors-config-watcher") && name.contains(file.toString())).toList();
    }
}
