package dev.corsfilter.docs;

import dev.corsfilter.testing.Project;
import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.PolicyRule;
import dev.corsfilter.testing.Http;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the documentation true: every fenced block of README.md and docs/*.md is compiled, run or produced by
 * code, so a change that makes an example wrong fails the build. Java blocks are checked in every document;
 * the other kinds, links and the index in the documents of {@link #OWNED} (documents written by others, such
 * as docs/performance.md, quote benchmark output and other projects' coordinates).
 *
 * <ul>
 *   <li>{@code ```java}: must be, modulo indentation, a region {@code // tag::name[]} ... {@code // end::name[]}
 *       of an example class under src/test/java/dev/corsfilter/docs (compiled, and run by
 *       {@link GettingStartedTest}, {@link ConfigurationExamplesTest} and {@link SpringBootExampleTest}).</li>
 *   <li>{@code ```xml}: a {@code <dependency>} must name this project's coordinates; a web.xml (or a
 *       fragment of one) is deployed in a Jetty {@link WebAppContext} with an asynchronous servlet, and a
 *       request from an allowed origin must get its CORS header.</li>
 *   <li>{@code ```properties}: read as the filter reads its config-file, and must build.</li>
 *   <li>{@code ```shell}: {@code java ... dev.corsfilter.Explain ...} runs the command (its {@code --config}
 *       is the nearest properties block above) and its output must be the {@code ```text} block right after;
 *       {@code curl ...} is sent to a Jetty enforcing that properties block, and the response's CORS headers
 *       must be the text block after; {@code export CORS_...} and {@code -Dcors....} must build a policy;
 *       {@code mvn} profiles and executions must exist in the pom.</li>
 *   <li>{@code ```text}: must be the output of the command before it, or one of {@link DocOutputs}.</li>
 *   <li>{@code ```yaml}: Spring Boot's {@code cors.*} properties, which the starter module's DocYamlTest binds
 *       and starts a filter with; and a {@code web.xml} of Servlet 4.0 ({@code xmlns.jcp.org}) is deployed on
 *       Tomcat 9 by the javax module's DocWebXmlTomcat9Test as well as here.</li>
 * </ul>
 *
 * Class names under {@code com.example.} in configuration values stand for the examples of this package.
 */
class DocSnippetsTest {

    /** The documents this suite owns; blocks of other documents are checked for Java, XML and properties only. */
    static final Set<String> OWNED = Set.of("README.md", "docs/README.md", "docs/getting-started.md",
            "docs/configuration.md", "docs/migration.md", "docs/troubleshooting.md", "docs/operations.md");

    /** {@code yaml} blocks are Spring Boot's {@code cors.*} properties, bound and run by the starter's DocYamlTest. */
    static final Set<String> LANGUAGES = Set.of("java", "xml", "properties", "shell", "text", "yaml", "");

    static final String ALLOWED_ORIGIN = "https://app.example.com";

    @TempDir
    Path temp;

    /** The example classes' package stands in for the {@code com.example} of the documentation. */
    static String exampleClassNames(String value) {
        return value == null ? null : value.replace("com.example.", "dev.corsfilter.docs.");
    }

    static boolean owned(Markdown.Block block) {
        return OWNED.contains(Project.relative(block.file()).replace('\\', '/'));
    }

    static Stream<Markdown.Block> blocks(String language) {
        return Markdown.allBlocks().stream().filter(block -> block.language().equals(language));
    }

    // ---------------------------------------------------------------------------------------------- java

    @TestFactory
    Stream<DynamicTest> everyJavaBlockIsATaggedRegionOfAnExample() {
        Map<String, TaggedRegions.Region> regions = TaggedRegions.all();
        return blocks("java").map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            List<String> snippet = TaggedRegions.normalized(block.lines());
            boolean found = regions.values().stream().anyMatch(region -> TaggedRegions.normalized(region.lines()).equals(snippet));
            if (!found) {
                fail(block + " is not, modulo indentation, any tagged region of " + TaggedRegions.ROOTS
                        + "; the closest is " + closest(snippet, regions));
            }
        }));
    }

    @Test
    void everyTaggedRegionIsShownInADocument() {
        Set<List<String>> shown = blocks("java").map(block -> TaggedRegions.normalized(block.lines())).collect(Collectors.toSet());
        List<String> unused = TaggedRegions.all().values().stream()
                .filter(region -> !shown.contains(TaggedRegions.normalized(region.lines())))
                .map(region -> region.name() + " (" + Project.relative(region.file()) + ")").toList();
        assertThat(unused).as("tagged regions no document shows").isEmpty();
    }

    private static String closest(List<String> snippet, Map<String, TaggedRegions.Region> regions) {
        String best = "none";
        int bestScore = -1;
        for (TaggedRegions.Region region : regions.values()) {
            List<String> lines = TaggedRegions.normalized(region.lines());
            int score = 0;
            while (score < Math.min(lines.size(), snippet.size()) && lines.get(score).equals(snippet.get(score))) {
                score++;
            }
            if (score > bestScore) {
                bestScore = score;
                String differing = score < lines.size() ? lines.get(score) : "<end of region>";
                String wanted = score < snippet.size() ? snippet.get(score) : "<end of block>";
                best = region.name() + ", which differs at line " + (score + 1) + ": region has [" + differing
                        + "], block has [" + wanted + "]";
            }
        }
        return best;
    }

    // ----------------------------------------------------------------------------------------------- xml

    @TestFactory
    Stream<DynamicTest> everyXmlBlockIsAWorkingDependencyOrWebXml() {
        return blocks("xml").filter(DocSnippetsTest::owned).map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            if (block.content().contains("<dependency>")) {
                checkDependency(block);
            } else if (block.content().contains("<filter>")) {
                deployWebXml(block);
            } else {
                fail(block + " is neither a <dependency> nor a web.xml with a <filter>; teach DocSnippetsTest about it");
            }
        }));
    }

    /**
     * A documented dependency names a module of this build, at the version this build makes: until a release
     * exists, the {@code -SNAPSHOT} a reader installs from a clone, and after it the released one. So the
     * version the docs give cannot drift from the pom's.
     */
    private static void checkDependency(Markdown.Block block) throws IOException {
        String parent = Files.readString(Project.path("pom.xml"));
        String project = parent.substring(parent.indexOf("</modelVersion>"), parent.indexOf("<packaging>"));
        assertThat(element(block.content(), "groupId")).isEqualTo(element(project, "groupId"));
        assertThat(Project.moduleArtifactIds()).as(block + ": a module of this build")
                .contains(element(block.content(), "artifactId"));
        assertThat(element(block.content(), "version")).as(block + ": the version").isEqualTo(element(project, "version"));
    }

    private void deployWebXml(Markdown.Block block) throws Exception {
        String xml = block.content().contains("<web-app") ? block.content()
                : "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + block.content() + "\n</web-app>";
        List<String> filters = elements(xml, "filter");
        assertThat(filters).as(block + ": filters").hasSize(1);
        String filter = filters.get(0);
        String filterName = element(filter, "filter-name");
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : elements(filter, "init-param")) {
            params.put(element(param, "param-name"), exampleClassNames(element(param, "param-value")));
        }
        assertThat(exampleClassNames(element(filter, "filter-class"))).as(block + ": filter-class")
                .isIn(CorsFilter.class.getName(), AppCorsFilter.class.getName());
        assertThat(element(filter, "async-supported")).as(block + ": <async-supported>").isEqualTo("true");

        List<String> mappings = elements(xml, "filter-mapping");
        assertThat(mappings).as(block + ": filter-mappings").hasSize(1);
        String mapping = mappings.get(0);
        assertThat(element(mapping, "filter-name")).isEqualTo(filterName);
        assertThat(element(mapping, "url-pattern")).isEqualTo("/*");
        assertThat(elements(mapping, "dispatcher")).as(block + ": dispatchers")
                .containsExactlyInAnyOrder("REQUEST", "ASYNC", "ERROR");

        // The filter's own reading of the params, then the container's.
        Internals.Configuration configuration = Internals.toConfiguration(params);
        Path webInf = Files.createDirectories(temp.resolve("webapp-" + block.line()).resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), exampleClassNames(xml));
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(webInf.getParent());
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        ServletHolder api = new ServletHolder(new ApiServlet());
        api.setAsyncSupported(true);
        webapp.addServlet(api, "/*");
        server.setHandler(webapp);
        server.start();
        try {
            RequestTarget target = RequestTarget.of(configuration, params);
            HttpResponse<String> response = Http.send("GET",
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + target.path()), "Origin", target.origin());
            assertThat(response.statusCode()).as(block + ": status of an asynchronous request").isEqualTo(200);
            assertThat(response.headers().allValues("Access-Control-Allow-Origin")).as(block + ": CORS header")
                    .containsExactly(target.policy().allowsAnyOrigin() ? "*" : target.origin());
        } finally {
            server.stop();
        }
    }

    /** A path the configuration covers and an origin its policy there allows. */
    record RequestTarget(String path, String origin, CorsPolicy policy) {

        static RequestTarget of(Internals.Configuration configuration, Map<String, String> params) {
            if (configuration.policy() != null) {
                return new RequestTarget("/api/items", originOf(configuration.policy()), configuration.policy());
            }
            PathPolicies paths = configuration.paths();
            String pattern = paths.policies().keySet().iterator().next();
            String path = pattern.startsWith("*.") ? "/data" + pattern.substring(1) : pattern.replace("*", "items");
            CorsPolicy policy = paths.policyFor(path).orElseThrow();
            return new RequestTarget(path, originOf(policy), policy);
        }

        static String originOf(CorsPolicy policy) {
            if (policy.allowsAnyOrigin() || policy.allowedOrigins().isEmpty()) {
                return ALLOWED_ORIGIN;
            }
            return policy.allowedOrigins().get(0).replace("://*.", "://app.").replace(":*", ":8080");
        }
    }

    // ---------------------------------------------------------------------------------------- properties

    @TestFactory
    Stream<DynamicTest> everyPropertiesBlockBuilds() {
        return blocks("properties").filter(DocSnippetsTest::owned).map(block -> DynamicTest.dynamicTest(block.toString(),
                () -> assertThat(configurationOf(block.content())).isNotNull()));
    }

    /** Reads properties the way the filter reads its config-file: from a file named by {@code config-file}. */
    private Internals.Configuration configurationOf(String properties) throws IOException {
        Path file = Files.createTempFile(temp, "cors", ".properties");
        Files.writeString(file, exampleClassNames(properties));
        return Internals.fromSources(Map.of("config-file", file.toString()), Map.of(), Map.of());
    }

    // --------------------------------------------------------------------------------------- shell & text

    @TestFactory
    Stream<DynamicTest> everyCommandRunsAndEveryOutputIsProduced() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> produced = new LinkedHashMap<>();
        for (Map.Entry<String, Callable<String>> output : DocOutputs.all().entrySet()) {
            produced.put(output.getKey(), output.getValue().call());
        }
        Set<String> used = new HashSet<>();
        for (Path document : Markdown.documents()) {
            List<Markdown.Block> blocks = Markdown.blocks(document);
            Set<Markdown.Block> claimed = new HashSet<>();
            for (int i = 0; i < blocks.size(); i++) {
                Markdown.Block block = blocks.get(i);
                if (!owned(block) || !isShell(block)) {
                    continue;
                }
                Markdown.Block properties = lastBefore(blocks, i, "properties");
                Markdown.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                if (runsSomethingWithOutput(block)) {
                    assertThat(next).as(block + " must be followed by a ```text block with its output").isNotNull();
                    assertThat(next.language()).as(block + ": the block after it").isEqualTo("text");
                    claimed.add(next);
                }
                tests.add(DynamicTest.dynamicTest(block.toString(), () -> runShell(block, properties, next)));
            }
            for (Markdown.Block block : blocks) {
                if (!owned(block) || claimed.contains(block) || !isText(block)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(block.toString(), () -> {
                    String text = normalizedText(block.content());
                    String name = produced.entrySet().stream().filter(entry -> normalizedText(entry.getValue()).equals(text))
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                    if (name == null) {
                        fail(block + " is not produced by any of DocOutputs; the outputs are:\n\n"
                                + produced.entrySet().stream().map(e -> "== " + e.getKey() + "\n" + e.getValue())
                                .collect(Collectors.joining("\n\n")));
                    }
                    used.add(name);
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("every DocOutputs output is quoted in a document", () ->
                assertThat(produced.keySet().stream().filter(name -> !used.contains(name)).toList())
                        .as("outputs no document quotes").isEmpty()));
        return tests.stream();
    }

    static boolean isShell(Markdown.Block block) {
        if (block.language().equals("shell")) {
            return true;
        }
        return block.language().isEmpty() && block.lines().stream().map(String::strip).filter(line -> !line.isEmpty())
                .allMatch(line -> line.startsWith("mvn "));
    }

    static boolean isText(Markdown.Block block) {
        return block.language().equals("text") || (block.language().isEmpty() && !isShell(block));
    }

    private static boolean runsSomethingWithOutput(Markdown.Block block) {
        return commands(block).stream().anyMatch(command -> isExplain(command) || command.get(0).equals("curl"));
    }

    /** {@code java -jar cors-filter.jar ...}, as the docs write it, or the main class named on a class path. */
    static boolean isExplain(List<String> command) {
        return command.get(0).equals("java") && (command.contains("dev.corsfilter.Explain")
                || command.size() > 2 && command.get(1).equals("-jar") && command.get(2).equals(DOCUMENTED_JAR));
    }

    /** The jar's name in the documented commands: the reader's copy of the library's jar. */
    static final String DOCUMENTED_JAR = "cors-filter.jar";

    /** The arguments an Explain command line gives the command itself. */
    static List<String> explainArguments(List<String> command) {
        int main = command.contains("dev.corsfilter.Explain") ? command.indexOf("dev.corsfilter.Explain")
                : command.indexOf(DOCUMENTED_JAR);
        return new ArrayList<>(command.subList(main + 1, command.size()));
    }

    static Markdown.Block lastBefore(List<Markdown.Block> blocks, int index, String language) {
        for (int i = index - 1; i >= 0; i--) {
            if (blocks.get(i).language().equals(language)) {
                return blocks.get(i);
            }
        }
        return null;
    }

    private void runShell(Markdown.Block block, Markdown.Block properties, Markdown.Block next) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> systemProperties = new LinkedHashMap<>();
        for (List<String> command : commands(block)) {
            String program = command.get(0);
            if (program.equals("export")) {
                String[] assignment = command.get(1).split("=", 2);
                assertThat(assignment[0]).as(block + ": environment variables of the filter").startsWith("CORS_");
                environment.put(assignment[0], exampleClassNames(assignment[1]));
            } else if (program.equals("mvn")) {
                checkMaven(block, command);
            } else if (program.equals("curl")) {
                assertThat(properties).as(block + ": curl needs a ```properties block above it for the server's policy").isNotNull();
                assertThat(normalizedText(curl(command, properties))).as(block + ": the response (CORS headers)")
                        .isEqualTo(normalizedText(next.content()));
            } else if (isExplain(command)) {
                assertThat(normalizedText(explain(block, command, properties))).as(block + ": the output")
                        .isEqualTo(normalizedText(next.content()));
            } else if (program.equals("java")) {
                command.stream().filter(arg -> arg.startsWith("-Dcors.")).forEach(arg -> {
                    String[] assignment = arg.substring(2).split("=", 2);
                    systemProperties.put(assignment[0], exampleClassNames(assignment[1]));
                });
                assertThat(systemProperties).as(block + ": a java command without -Dcors.* properties").isNotEmpty();
            } else {
                fail(block + ": DocSnippetsTest does not know how to run " + command);
            }
        }
        if (!environment.isEmpty() || !systemProperties.isEmpty()) {
            Internals.Configuration configuration = Internals.fromSources(Map.of(), environment, systemProperties);
            assertThat(configuration.policy() != null || configuration.paths() != null).isTrue();
        }
    }

    /** The profiles, executions and modules a documented Maven command names exist in this build. */
    private static void checkMaven(Markdown.Block block, List<String> command) throws IOException {
        String poms = Project.allPoms();
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.startsWith("-P")) {
                for (String profile : arg.substring(2).split(",")) {
                    assertThat(poms).as(block + ": profile " + profile).contains("<id>" + profile.replace("!", "") + "</id>");
                }
            } else if (arg.equals("-pl") || arg.equals("-f")) {
                assertThat(Project.path(command.get(i + 1)).resolve("pom.xml")).as(block + ": module " + command.get(i + 1))
                        .isRegularFile();
            } else if (arg.contains("@")) {
                assertThat(poms).as(block + ": execution " + arg).contains("<id>" + arg.substring(arg.indexOf('@') + 1) + "</id>");
            }
        }
    }

    private String explain(Markdown.Block block, List<String> command, Markdown.Block properties) throws IOException {
        List<String> args = explainArguments(command);
        int config = args.indexOf("--config");
        if (config >= 0) {
            assertThat(properties).as(block + ": --config needs a ```properties block above it").isNotNull();
            Path file = Files.createTempFile(temp, "explain", ".properties");
            Files.writeString(file, exampleClassNames(properties.content()));
            args.set(config + 1, file.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Internals.explain(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        return output.isEmpty() ? err.toString(StandardCharsets.UTF_8) : output;
    }

    /** Sends the request a curl command describes to a local Jetty enforcing the policy of the properties block. */
    private String curl(List<String> command, Markdown.Block properties) throws IOException {
        String method = "GET";
        List<String> headers = new ArrayList<>();
        URI uri = null;
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            switch (arg) {
                case "-X" -> method = command.get(++i);
                case "-H" -> {
                    String[] header = command.get(++i).split(":", 2);
                    headers.add(header[0].strip());
                    headers.add(header[1].strip());
                }
                case "-i", "-s", "-si", "-is" -> {
                    // how curl prints: irrelevant here
                }
                default -> {
                    if (arg.startsWith("-")) {
                        fail("DocSnippetsTest does not know curl's " + arg);
                    }
                    uri = URI.create(arg);
                }
            }
        }
        Internals.Configuration configuration = configurationOf(properties.content());
        CorsFilter filter = configuration.policy() != null ? new CorsFilter(configuration.policy()) : new CorsFilter(configuration.paths());
        try (dev.corsfilter.testing.EmbeddedJetty jetty = new dev.corsfilter.testing.EmbeddedJetty().filter(filter)
                .servlet("/*", new ApiServlet()).start()) {
            HttpResponse<String> response = Http.send(method, jetty.uri().resolve(uri.getRawPath()), headers.toArray(String[]::new));
            List<String> text = new ArrayList<>();
            text.add("HTTP/1.1 " + response.statusCode());
            response.headers().map().forEach((name, values) -> {
                if (name.startsWith("access-control-") || name.equals("vary") || name.equals("x-cors-debug")
                        || name.equals("timing-allow-origin")) {
                    values.forEach(value -> text.add(canonical(name) + ": " + value));
                }
            });
            return String.join("\n", text);
        }
    }

    private static String canonical(String name) {
        if (name.equals("x-cors-debug")) {
            return "X-CORS-Debug";
        }
        return Arrays.stream(name.split("-")).map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining("-"));
    }

    /** The commands of a shell block: continuation lines joined, comments dropped, words split like a shell. */
    static List<List<String>> commands(Markdown.Block block) {
        List<List<String>> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.lines()) {
            String stripped = line.strip();
            if (current.length() == 0 && (stripped.isEmpty() || stripped.startsWith("#"))) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            commands.add(words(current.toString()));
            current.setLength(0);
        }
        return commands;
    }

    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    static String normalizedText(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        return String.join("\n", lines);
    }

    // --------------------------------------------------------------------------------------- whole docs

    @Test
    void everyBlockHasAKnownLanguage() {
        assertThat(Markdown.allBlocks().stream().filter(DocSnippetsTest::owned)
                .filter(block -> !LANGUAGES.contains(block.language())).map(Markdown.Block::toString).toList())
                .as("blocks in a language DocSnippetsTest cannot check").isEmpty();
        assertThat(Markdown.allBlocks().stream().filter(DocSnippetsTest::owned).filter(block -> block.language().isEmpty())
                .filter(block -> !Project.relative(block.file()).equals("README.md")).map(Markdown.Block::toString).toList())
                .as("blocks without a language outside README.md").isEmpty();
    }

    @Test
    void theErrorTableOfTheConfigurationReferenceIsCurrent() {
        String document = Markdown.text(Project.path("docs/configuration.md"));
        int begin = document.indexOf(ErrorCatalog.BEGIN);
        int end = document.indexOf(ErrorCatalog.END);
        assertThat(begin).as("docs/configuration.md has the error table markers").isNotNegative();
        String expected = ErrorCatalog.table();
        String actual = document.substring(begin, end + ErrorCatalog.END.length());
        if (!actual.equals(expected)) {
            fail("the error table of docs/configuration.md is out of date; replace it with:\n\n" + expected);
        }
        assertThat(ErrorCatalog.entries().stream().map(ErrorCatalog.Entry::rule).collect(Collectors.toSet()))
                .as("every PolicyRule has an example").containsExactlyInAnyOrder(PolicyRule.values());
    }

    @Test
    void theConfigurationReferenceNamesEverySettingMethodAndConstant() throws Exception {
        String reference = Markdown.text(Project.path("docs/configuration.md"));
        List<String> missing = new ArrayList<>();
        for (String name : Internals.settingNames()) {
            expect(reference, "`" + name + "`", missing);
            expect(reference, "`" + environmentName(name) + "`", missing);
        }
        expect(reference, "`<name>." + Internals.pathsName() + "`", missing);
        for (Class<?> type : List.of(CorsPolicy.Builder.class, PathPolicies.Builder.class, CorsFilter.class, CorsPolicy.class,
                PathPolicies.class)) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Set.of("equals", "hashCode", "toString", "doFilter", "init",
                        "destroy", "builder", "build").contains(method.getName())) {
                    if (!reference.contains("`" + method.getName() + "(") && !reference.contains("." + method.getName() + "(")) {
                        missing.add(method.getName() + "(");
                    }
                }
            }
        }
        for (Field field : CorsFilter.class.getFields()) {
            expect(reference, "`" + field.getName() + "`", missing);
            expect(reference, "`" + field.get(null) + "`", missing);
        }
        for (CorsDecision decision : CorsDecision.values()) {
            expect(reference, "`" + decision + "`", missing);
        }
        assertThat(missing).as("docs/configuration.md does not mention").isEmpty();
    }

    private static String environmentName(String name) {
        return "CORS_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static void expect(String text, String mention, List<String> missing) {
        if (!text.contains(mention)) {
            missing.add(mention);
        }
    }

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    /** Every Markdown file of the repository, whoever owns it: a broken link is broken for every reader. */
    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> documents = Markdown.everyMarkdownFile();
        assertThat(documents).extracting(Project::relative).contains("README.md", "docs/performance.md", "SECURITY.md");
        for (Path document : documents) {
            String text = withoutCodeBlocks(Markdown.text(document));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(Project.relative(document) + ": " + target);
                } else if (anchor != null && !anchors(resolved).contains(anchor)) {
                    broken.add(Project.relative(document) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void theReadmeAndTheIndexLinkEveryDocument() {
        String readme = Markdown.text(Project.path("README.md"));
        String index = Markdown.text(Project.path("docs/README.md"));
        for (Path document : Markdown.documents()) {
            String relative = Project.relative(document).replace('\\', '/');
            if (relative.equals("README.md") || !OWNED.contains(relative)) {
                continue;
            }
            assertThat(readme).as("README.md links " + relative).contains("(" + relative);
            if (!relative.equals("docs/README.md")) {
                assertThat(index).as("docs/README.md links " + relative).contains("(" + document.getFileName());
            }
        }
    }

    private static String withoutCodeBlocks(String text) {
        return text.replaceAll("(?s)```.*?```", "");
    }

    /** GitHub's heading anchors: lower case, punctuation but '-' and '_' dropped, spaces as '-'. */
    static Set<String> anchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        for (String line : withoutCodeBlocks(Markdown.text(markdown)).lines().toList()) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                StringBuilder anchor = new StringBuilder();
                for (char c : heading.toCharArray()) {
                    if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                        anchor.append(c);
                    } else if (c == ' ') {
                        anchor.append('-');
                    }
                }
                anchors.add(anchor.toString());
            }
        }
        return anchors;
    }

    /**
     * The contents of the elements named {@code name} (not nested in each other), trimmed. The documents are
     * small and regular; Jetty parses the real thing when it deploys them.
     */
    static List<String> elements(String xml, String name) {
        List<String> contents = new ArrayList<>();
        Matcher element = Pattern.compile("(?s)<" + name + "(?:\\s[^>]*)?>(.*?)</" + name + ">").matcher(xml);
        while (element.find()) {
            contents.add(element.group(1).strip());
        }
        return contents;
    }

    static String element(String xml, String name) {
        List<String> contents = elements(xml, name);
        if (contents.isEmpty()) {
            throw new AssertionError("no <" + name + "> in " + xml);
        }
        return contents.get(0);
    }
}
