package dev.corsfilter.docs;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.FakeFilterConfig;
import dev.corsfilter.testing.Http;
import dev.corsfilter.testing.LogRecorder;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The outputs the documentation quotes in {@code ```text} blocks, each produced here by running the code:
 * messages, explanations, log lines and responses. {@link DocSnippetsTest} requires every text block to be
 * one of these (or the output of the command-line example right before it).
 */
final class DocOutputs {

    static final String APP = "https://app.example.com";

    private DocOutputs() {
    }

    static Map<String, Callable<String>> all() {
        Map<String, Callable<String>> outputs = new LinkedHashMap<>();
        outputs.put("README: the exception of an invalid policy", DocOutputs::readmeInvalidPolicy);
        outputs.put("configuration: evaluate(...).explain()", () -> ConfigurationExamples.evaluate().explain());
        outputs.put("configuration: the service file of the initializer", () -> "com.example." + CorsInitializer.class.getSimpleName());
        outputs.put("troubleshooting: debug log lines", DocOutputs::debugLog);
        outputs.put("troubleshooting: a filter that does not start", DocOutputs::startupFailure);
        outputs.put("troubleshooting: a refused pre-flight in debug mode", DocOutputs::debugModeResponse);
        outputs.put("troubleshooting: the same pre-flight without debug mode", DocOutputs::refusedResponse);
        outputs.put("troubleshooting: a misspelt system property", DocOutputs::misspeltSystemProperty);
        outputs.put("operations: a shadow disagreement in the log", () -> shadowLog().get(0));
        outputs.put("operations: the shadow report", DocOutputs::shadowReport);
        return outputs;
    }

    /**
     * The DEBUG lines of the shadow example in docs/operations.md, after a day of traffic in miniature: the
     * candidate would refuse the legacy front end and a subdomain, and tighten nothing else.
     */
    static List<String> shadowLog() throws Exception {
        try (LogRecorder log = LogRecorder.start("dev.corsfilter.shadow");
             EmbeddedJetty jetty = new EmbeddedJetty().filter(OperationsExamples.shadow(new java.util.ArrayDeque<>()))
                     .servlet("/*", new ApiServlet()).start()) {
            for (String origin : List.of("https://legacy.example.com", "https://app.example.com",
                    "https://legacy.example.com", "https://shop.example.com", "https://legacy.example.com")) {
                Http.send("GET", jetty.uri().resolve("/api/items"), "Origin", origin);
            }
            Http.send("GET", jetty.uri().resolve("/api/orders"), "Origin", "https://legacy.example.com");
            return log.entries("DEBUG").stream().map(LogRecorder.Entry::message).toList();
        }
    }

    /** The same lines as a log file holds them, after the layout's time, level and logger. */
    static List<String> shadowLogFile() throws Exception {
        return shadowLog().stream().map(line -> "2026-12-04 10:00:00.000 DEBUG dev.corsfilter.shadow - " + line).toList();
    }

    /** What {@code Explain shadow-report} prints for a log holding {@link #shadowLog()}. */
    static String shadowReport() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("server", ".log");
        try {
            java.nio.file.Files.write(file, shadowLogFile());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            Internals.explain(List.of("shadow-report", file.toString()),
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    static String readmeInvalidPolicy() {
        try {
            CorsPolicy.builder().allowedOrigins("https://app.example.com/").allowedMethods("put").build();
        } catch (InvalidCorsPolicyException e) {
            return e.getMessage();
        }
        throw new AssertionError("the README's invalid policy built");
    }

    /** The policy of the troubleshooting examples. */
    static CorsPolicy troubleshootingPolicy(boolean debug) {
        return CorsPolicy.builder().allowedOrigins(APP).allowedMethods("PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization").allowCredentials(true).debugMode(debug).build();
    }

    static String debugLog() throws Exception {
        try (LogRecorder log = LogRecorder.start(CorsFilter.class.getName());
             EmbeddedJetty jetty = api(troubleshootingPolicy(false))) {
            URI items = jetty.uri().resolve("/api/items");
            Http.send("OPTIONS", items, "Origin", APP, "Access-Control-Request-Method", "PUT",
                    "Access-Control-Request-Headers", "content-type,x-trace-id");
            Http.send("OPTIONS", items, "Origin", APP, "Access-Control-Request-Method", "PATCH");
            Http.send("GET", items, "Origin", "https://app.example.com:8443");
            return String.join("\n", log.entries("DEBUG").stream().map(LogRecorder.Entry::message).toList());
        }
    }

    static String startupFailure() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("allowed-origins", "https://app.example.com/, http://admin.example.com");
        params.put("allow-credentials", "true");
        try (LogRecorder log = LogRecorder.start()) {
            try {
                new CorsFilter().init(new FakeFilterConfig("cors", params));
                throw new AssertionError("the filter started");
            } catch (InvalidCorsPolicyException expected) {
                // jetty-slf4j-impl writes a message's line breaks as '|'; shown here as the lines they are.
                return String.join("\n", log.entries("ERROR").stream()
                        .map(line -> line.message().replace("|  - ", "\n  - ")).toList());
            }
        }
    }

    /** What a filter configured by name logs for {@code -Dcors.allowed-origin=…} (one letter short). */
    static String misspeltSystemProperty() throws Exception {
        String misspelt = "cors.allowed-origin";
        String before = System.setProperty(misspelt, APP);
        try (LogRecorder log = LogRecorder.start()) {
            CorsFilter filter = new CorsFilter();
            filter.init(new FakeFilterConfig("cors", Map.of("allowed-origins", APP)));
            filter.destroy();
            return String.join("\n", log.entries("WARN").stream().map(LogRecorder.Entry::message)
                    .filter(message -> message.contains(misspelt)).toList());
        } finally {
            if (before == null) {
                System.clearProperty(misspelt);
            } else {
                System.setProperty(misspelt, before);
            }
        }
    }

    static String debugModeResponse() {
        return preflightResponse(troubleshootingPolicy(true));
    }

    static String refusedResponse() {
        return preflightResponse(troubleshootingPolicy(false));
    }

    private static String preflightResponse(CorsPolicy policy) {
        try (EmbeddedJetty jetty = api(policy)) {
            HttpResponse<String> response = Http.send("OPTIONS", jetty.uri().resolve("/api/items"), "Origin", APP,
                    "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-trace-id");
            List<String> text = new ArrayList<>();
            text.add("status " + response.statusCode());
            for (String name : List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                    "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Vary",
                    "X-CORS-Debug")) {
                response.headers().allValues(name).forEach(value -> text.add(name + ": " + value));
            }
            return String.join("\n", text);
        }
    }

    static EmbeddedJetty api(CorsPolicy policy) {
        return new EmbeddedJetty().filter(new CorsFilter(policy)).servlet("/api/*", new ApiServlet()).start();
    }
}
