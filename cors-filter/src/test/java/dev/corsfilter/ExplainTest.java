package dev.corsfilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainTest {

    @TempDir
    Path directory;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Explain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path config(String content) throws IOException {
        Path file = directory.resolve("cors.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void helpIsAnsweredNotRefused() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar cors-filter.jar --config FILE");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run("--config", "x.properties", "-h")).isZero();
    }

    @Test
    void explainsARefusedPreflight() throws IOException {
        Path file = config("allowed-origins=https://app.example.com\nallowed-headers=Content-Type, Authorization\n");

        int status = run("--config", file.toString(), "--origin", "https://app.example.com", "--method", "PUT",
                "--headers", "content-type,x-trace-id", "--preflight");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                pre-flight OPTIONS from https://app.example.com asking for PUT with headers content-type,x-trace-id
                METHOD_NOT_ALLOWED: method "PUT" is not in allowed methods [GET, HEAD, POST]; method names are case-sensitive
                status 403
                Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
                """);
    }

    @Test
    void explainsAnAllowedActualRequestOnAPath() throws IOException {
        Path file = config("policies=api\napi.paths=/api/*\napi.allowed-origins=https://app.example.com\n");

        assertThat(run("--config", file.toString(), "--origin", "https://app.example.com", "--path", "/api/x")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ACTUAL_ALLOWED",
                "Access-Control-Allow-Origin: https://app.example.com");
        assertThat(run("--config", file.toString(), "--origin", "https://app.example.com", "--path", "/other")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no policy covers path /other");
    }

    @Test
    void reportsInvalidPoliciesAndArguments() throws IOException {
        Path file = config("allowed-origins=https://app.example.com/\n");

        assertThat(run("--config", file.toString(), "--origin", "https://app.example.com")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has a path");
        assertThat(run("--origin")).isEqualTo(2);
        assertThat(run("--bogus", "x")).isEqualTo(2);
        assertThat(run("--config", file.toString(), "--preflight")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar cors-filter.jar");
    }
}
