package dev.corsfilter.docs;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Explain} command as a reader runs it: the library's jar alone ({@code java -jar cors-filter.jar},
 * no SLF4J anywhere), in a directory holding the documented {@code cors.properties}. Runs after {@code package}
 * (maven-failsafe-plugin), on the jar the build made. Every documented command line runs as written, the jar's
 * name aside, and prints the output the document shows.
 */
class ExplainJarIT {

    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandLineRunsAsWritten() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : Markdown.documents()) {
            List<Markdown.Block> blocks = Markdown.blocks(document);
            for (int i = 0; i < blocks.size(); i++) {
                Markdown.Block block = blocks.get(i);
                Markdown.Block properties = DocSnippetsTest.lastBefore(blocks, i, "properties");
                Markdown.Block output = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                for (List<String> command : DocSnippetsTest.commands(block)) {
                    if (DocSnippetsTest.isShell(block) && DocSnippetsTest.isExplain(command)) {
                        assertThat(command.subList(0, 3)).as(block + ": the jar alone")
                                .containsExactly("java", "-jar", DocSnippetsTest.DOCUMENTED_JAR);
                        tests.add(DynamicTest.dynamicTest(block.toString(), () -> {
                            Files.writeString(directory.resolve("cors.properties"),
                                    DocSnippetsTest.exampleClassNames(properties.content()));
                            Run run = run(command.subList(3, command.size()));
                            assertThat(run.err()).doesNotContain("Exception", "Error:");
                            assertThat(DocSnippetsTest.normalizedText(run.out())).as(block + ": the output")
                                    .isEqualTo(DocSnippetsTest.normalizedText(output.content()));
                        }));
                    }
                }
            }
        }
        assertThat(tests).as("documented java -jar command lines").isNotEmpty();
        return tests.stream();
    }

    @Test
    void helpPrintsTheUsageAndExitsWithZero() throws Exception {
        Run run = run(List.of("--help"));

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("usage: java -jar cors-filter.jar --config FILE").contains("--preflight", "Exit status");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aWarningWithoutSlf4jGoesToTheJdksLogging() throws Exception {
        Files.writeString(directory.resolve("cors.properties"), "allowed-origins = https://app.example.com\nmax-age = 7200\n");

        Run run = run(List.of("--config", "cors.properties", "--origin", "https://app.example.com"));

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("ACTUAL_ALLOWED");
        assertThat(run.err()).contains("WARNING: CORS max age of 7200 seconds is above the pre-flight cache cap of WebKit")
                .doesNotContain("SLF4J", "NoClassDefFoundError");
    }

    @Test
    void theJarNamesNoClassPathAndNoSlf4jIsBesideIt() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(builtJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.corsfilter.Explain");
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
            assertThat(jar.getEntry("org/slf4j/LoggerFactory.class")).isNull();
        }
    }

    private record Run(int status, String out, String err) {
    }

    /** Runs {@code java -jar cors-filter.jar ARGS} in the directory, with the jar the build made under that name. */
    private Run run(List<String> arguments) throws IOException, InterruptedException {
        Files.copy(builtJar(), directory.resolve(DocSnippetsTest.DOCUMENTED_JAR), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", DocSnippetsTest.DOCUMENTED_JAR));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("CLASSPATH");
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not end within 60 seconds: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path builtJar() {
        Path jar = Path.of(System.getProperty("explain.jar", ""));
        assertThat(jar).as("the jar this build made (explain.jar, set by the pom)").isRegularFile();
        return jar;
    }
}
