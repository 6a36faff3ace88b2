package dev.corsfilter.javax;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The sources and javadoc jars published with cors-filter-javax (what IDEs attach, and what Maven Central
 * requires beside the jar) describe its classes: relocated to javax.servlet like them, with nothing of the
 * jakarta core left, its module descriptor included (this jar is an automatic module).
 */
class PublishedJarsTest {

    @Test
    void theSourcesAreRelocatedLikeTheClasses() throws IOException {
        List<String> jakarta = new ArrayList<>();
        try (JarFile sources = new JarFile(published("sources").toFile())) {
            for (JarEntry entry : sources.stream().toList()) {
                text(sources, entry).lines().filter(line -> line.contains("jakarta"))
                        .forEach(line -> jakarta.add(entry.getName() + ": " + line.strip()));
            }
            assertThat(sources.getEntry("module-info.java")).as("the core's module descriptor").isNull();
            assertThat(text(sources, sources.getJarEntry("dev/corsfilter/CorsFilter.java"))).contains("import javax.servlet.Filter;");
        }
        assertThat(jakarta).isEmpty();
    }

    @Test
    void aJavadocJarDocumentsTheRelocatedApi() throws IOException {
        assumeFalse(Boolean.getBoolean("javadocSkipped"), "javadoc skipped in this build (-Dmaven.javadoc.skip)");
        try (JarFile javadoc = new JarFile(published("javadoc").toFile())) {
            String filter = text(javadoc, javadoc.getJarEntry("dev/corsfilter/CorsFilter.html"));
            assertThat(filter).contains("javax.servlet.Filter").doesNotContain("jakarta.servlet");
            assertThat(javadoc.getEntry("dev/corsfilter/internal/PolicyRules.html")).as("internal, as in the core's").isNull();
        }
    }

    private static Path published(String classifier) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("buildDirectory")))) {
            return files.filter(file -> file.getFileName().toString().matches("cors-filter-javax-.*-" + classifier + "\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + classifier + " jar in " + System.getProperty("buildDirectory")));
        }
    }

    private static String text(JarFile jar, JarEntry entry) throws IOException {
        assertThat(entry).isNotNull();
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
