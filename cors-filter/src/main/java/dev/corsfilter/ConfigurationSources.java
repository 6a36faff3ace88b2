package dev.corsfilter;

import dev.corsfilter.internal.LogText;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Gathers the settings of a filter configured without code, from four sources with the same names. Later
 * sources override earlier ones, setting by setting:
 * <ol>
 *   <li>filter init-params ({@code web.xml}, {@code @WebFilter});</li>
 *   <li>the properties file named by {@code config-file}: a path, or {@code classpath:name} for a resource;</li>
 *   <li>environment variables: {@code CORS_} and the name in upper case with {@code _} for {@code -}, e.g.
 *       {@code CORS_ALLOWED_ORIGINS};</li>
 *   <li>Java system properties: {@code cors.} and the name, e.g. {@code -Dcors.allowed-origins=…}.</li>
 * </ol>
 * Environment variables and system properties carry only undotted names (one policy, {@code policies},
 * {@code config-file}); per-path settings such as {@code api.allowed-origins} belong in init-params or the file.
 */
final class ConfigurationSources {

    /** Names a properties file with settings. */
    static final String CONFIG_FILE = "config-file";
    /** How often, in seconds, to look for changes to the properties file; 0 (the default) never. */
    static final String WATCH_SECONDS = "config-file-watch-seconds";

    /** The largest properties file read: a CORS configuration is a few lines. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private static final String CLASSPATH = "classpath:";
    private static final String ENVIRONMENT_PREFIX = "CORS_";
    private static final String SYSTEM_PREFIX = "cors.";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Map<String, String> initParams;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;

    /**
     * Prepares the sources.
     *
     * @param initParams the filter's init-params
     * @param environment the environment, {@code System.getenv()} outside tests
     * @param systemProperties the system properties, as strings
     */
    ConfigurationSources(Map<String, String> initParams, Map<String, String> environment,
                         Map<String, String> systemProperties) {
        this.initParams = Map.copyOf(initParams);
        this.environment = Map.copyOf(environment);
        this.systemProperties = Map.copyOf(systemProperties);
    }

    /**
     * Reads every source, the file again each time, and merges the settings.
     *
     * @return the policy settings, without the filter-level {@code config-file} settings
     * @throws InvalidCorsPolicyException when the file cannot be read or a watch interval is not a number
     */
    Map<String, String> load() {
        byte[] fileContent = readFile();
        return merge(fileContent == null ? Map.of() : parse(fileContent));
    }

    /**
     * Reads the properties file named by {@code config-file}, if any.
     *
     * @return its content, or null when no file is named
     * @throws InvalidCorsPolicyException when it cannot be read
     */
    byte[] readFile() {
        String location = lookup(CONFIG_FILE);
        if (location == null) {
            return null;
        }
        try (InputStream in = open(location.strip())) {
            return readAtMostMaxBytes(in);
        } catch (IOException e) {
            throw unreadable(location.strip(), e);
        }
    }

    /**
     * Builds the configuration of every source, the file's settings taken from {@code fileContent}, with
     * resolvers created afresh.
     *
     * @param fileContent what {@link #readFile()} read, or null for no file
     * @return the configuration
     * @throws InvalidCorsPolicyException listing every problem
     */
    InitParameters.Configuration configuration(byte[] fileContent) {
        return configuration(fileContent, new ResolverInstances());
    }

    /**
     * Builds the configuration of every source, the file's settings taken from {@code fileContent}. Unknown
     * names are reported as what they are: an init-param, or a property of the file.
     *
     * @param fileContent what {@link #readFile()} read, or null for no file
     * @param resolvers where the resolvers named by class come from; the caller reports the outcome to it
     * @return the configuration
     * @throws InvalidCorsPolicyException listing every problem
     */
    InitParameters.Configuration configuration(byte[] fileContent, ResolverInstances resolvers) {
        Map<String, String> file = fileContent == null ? Map.of() : parse(fileContent);
        return InitParameters.toConfiguration(merge(file), name -> file.containsKey(name)
                ? "property " + LogText.quote(name) + " in " + lookup(CONFIG_FILE).strip() : "init-param " + LogText.quote(name),
                resolvers);
    }

    /**
     * The settings written in the properties file, as read from {@code fileContent}: what a change of the file
     * is judged by, so that comments and layout are no change.
     *
     * @param fileContent what {@link #readFile()} read
     * @return the names and values, in no particular order
     * @throws InvalidCorsPolicyException when the content cannot be read as properties
     */
    Map<String, String> fileSettings(byte[] fileContent) {
        return parse(fileContent);
    }

    private Map<String, String> merge(Map<String, String> file) {
        Map<String, String> settings = new LinkedHashMap<>(initParams);
        settings.putAll(file);
        for (String name : undottedNames()) {
            String fromEnvironment = environment.get(environmentName(name));
            if (fromEnvironment != null) {
                settings.put(name, fromEnvironment);
            }
            String fromSystem = systemProperties.get(SYSTEM_PREFIX + name);
            if (fromSystem != null) {
                settings.put(name, fromSystem);
            }
        }
        settings.remove(CONFIG_FILE);
        settings.remove(WATCH_SECONDS);
        return settings;
    }

    /**
     * Describes the environment variables ({@code CORS_…}) and system properties ({@code cors.…}) that look
     * meant for this filter but name no setting: the filter would otherwise ignore them without a word, while
     * the same typo in an init-param stops it.
     *
     * @return one warning for each, environment variables first, each group in name order
     */
    List<String> ignoredNames() {
        Set<String> names = undottedNames();
        names.add(CONFIG_FILE);
        names.add(WATCH_SECONDS);
        List<String> warnings = new ArrayList<>();
        for (String variable : new TreeSet<>(environment.keySet())) {
            if (variable.startsWith(ENVIRONMENT_PREFIX)) {
                String name = variable.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
                if (!names.contains(name) || !variable.equals(environmentName(name))) {
                    warnings.add(ignored("environment variable " + LogText.quote(variable), name, "variables", names,
                            ConfigurationSources::environmentName));
                }
            }
        }
        for (String property : new TreeSet<>(systemProperties.keySet())) {
            if (property.startsWith(SYSTEM_PREFIX)) {
                String name = property.substring(SYSTEM_PREFIX.length());
                if (!names.contains(name)) {
                    warnings.add(ignored("system property " + LogText.quote(property), name, "properties", names,
                            setting -> SYSTEM_PREFIX + setting));
                }
            }
        }
        return warnings;
    }

    private static String ignored(String what, String name, String kind, Set<String> names, UnaryOperator<String> spell) {
        String hint;
        String perPath = perPathName(name);
        if (perPath != null) {
            hint = "per-path settings such as " + LogText.quote(perPath) + " come from init-params or the " + CONFIG_FILE;
        } else {
            hint = ClosestName.among(name, names).map(closest -> "did you mean " + spell.apply(closest) + "?")
                    .orElseGet(() -> "the " + kind + " it reads are "
                            + names.stream().filter(setting -> !setting.startsWith(InitParameters.SHADOW_PREFIX))
                                    .map(spell).collect(Collectors.toCollection(TreeSet::new))
                            + ", and each of the policy's also with the shadow prefix ("
                            + spell.apply(InitParameters.SHADOW_PREFIX + InitParameters.ALLOWED_ORIGINS) + ", …)");
        }
        return "CORS filter ignores " + what + ", which names no setting; " + hint;
    }

    /**
     * Describes the settings about the file that would otherwise be ignored without a word: where the file is
     * and how often it is watched, written in the file itself (they are read only from the other sources), and
     * a watch interval with no file on disk to watch.
     *
     * @param fileContent what {@link #readFile()} read, or null for no file
     * @return one warning for each, in name order
     */
    List<String> ignoredFileSettings(byte[] fileContent) {
        List<String> warnings = new ArrayList<>();
        if (fileContent != null) {
            Map<String, String> file = parse(fileContent);
            for (String name : List.of(CONFIG_FILE, WATCH_SECONDS)) {
                if (file.containsKey(name)) {
                    warnings.add("CORS filter ignores property " + LogText.quote(name) + " in " + lookup(CONFIG_FILE).strip()
                            + ": the file cannot say where the configuration is read from or how often; set " + name
                            + " as an init-param, " + environmentName(name) + " or -D" + SYSTEM_PREFIX + name);
                }
            }
        }
        String seconds = lookup(WATCH_SECONDS);
        if (seconds != null && watchSeconds() > 0 && watchedFile() == null) {
            warnings.add("CORS filter ignores " + WATCH_SECONDS + "=" + seconds.strip() + ": " + (lookup(CONFIG_FILE) == null
                    ? "there is no " + CONFIG_FILE + " to watch" : CONFIG_FILE + " names a class-path resource, which is not watched"));
        }
        return warnings;
    }

    /** The per-path setting a name spells, e.g. {@code api.allowed-origins} for {@code api-allowed-origins}; or null. */
    private static String perPathName(String name) {
        Set<String> settings = new TreeSet<>(InitParameters.POLICY_NAMES);
        settings.add(InitParameters.PATHS);
        for (String setting : settings) {
            for (String separator : List.of(".", "-")) {
                if (name.endsWith(separator + setting) && name.length() > setting.length() + 1) {
                    return name.substring(0, name.length() - setting.length() - 1) + "." + setting;
                }
            }
        }
        return null;
    }

    /**
     * The properties file to watch, if any, and only when it is a file on disk.
     *
     * @return the path, or null
     */
    Path watchedFile() {
        String file = lookup(CONFIG_FILE);
        return file == null || file.strip().startsWith(CLASSPATH) ? null : Path.of(file.strip());
    }

    /**
     * How often to look for changes to {@link #watchedFile()}.
     *
     * @return seconds; 0 for never
     * @throws InvalidCorsPolicyException when the value is not a whole number from 0 to 86400, in ASCII digits
     *     like every other number
     */
    long watchSeconds() {
        List<PolicyProblem> problems = new ArrayList<>();
        String value = lookup(WATCH_SECONDS);
        Long seconds = InitParameters.number(value == null ? Map.of() : Map.of(WATCH_SECONDS, value), "",
                WATCH_SECONDS, problems);
        if (!problems.isEmpty()) {
            throw new InvalidCorsPolicyException(problems);
        }
        return seconds == null ? 0 : seconds;
    }

    /** The environment variable for a setting name, e.g. {@code CORS_ALLOWED_ORIGINS}. */
    static String environmentName(String name) {
        return ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private String lookup(String name) {
        String value = systemProperties.get(SYSTEM_PREFIX + name);
        if (value == null) {
            value = environment.get(environmentName(name));
        }
        return value != null ? value : initParams.get(name);
    }

    private static Set<String> undottedNames() {
        Set<String> names = new TreeSet<>(InitParameters.POLICY_NAMES);
        names.add(InitParameters.POLICIES);
        new ArrayList<>(names).forEach(name -> names.add(InitParameters.SHADOW_PREFIX + name));
        return names;
    }

    private Map<String, String> parse(byte[] content) {
        String location = lookup(CONFIG_FILE).strip();
        if (isUtf16(content)) {
            throw unreadable(location, new IOException("it is encoded in UTF-16 (as Windows PowerShell 5 and Notepad's"
                    + " \"Unicode\" save text), which reads as other names than those written; save it as UTF-8"));
        }
        Set<String> repeated = new TreeSet<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    repeated.add((String) key);
                }
                return super.put(key, value);
            }
        };
        String text = new String(content, StandardCharsets.UTF_8);
        // Editors that save UTF-8 with a byte-order mark would otherwise glue it to the first name.
        String withoutMark = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        try {
            properties.load(new StringReader(withoutMark));
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(location, e);
        }
        if (!repeated.isEmpty()) {
            throw repeatedNames(location, repeated, withoutMark);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    /** A UTF-16 byte-order mark, or NUL bytes, which no UTF-8 properties file holds. */
    private static boolean isUtf16(byte[] content) {
        if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            return true;
        }
        for (byte b : content) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses names written more than once: {@link Properties} would keep the last value without a word, so
     * a line appended to "add" an origin would drop every origin listed before it.
     */
    private static InvalidCorsPolicyException repeatedNames(String location, Set<String> repeated, String text) {
        Map<String, List<Integer>> lines = PropertiesLines.byName(text);
        List<PolicyProblem> problems = new ArrayList<>();
        for (String name : repeated) {
            List<Integer> numbers = lines.getOrDefault(name, List.of());
            String where = numbers.size() < 2 ? "more than once" : "on lines "
                    + numbers.subList(0, numbers.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " and " + numbers.get(numbers.size() - 1);
            problems.add(new PolicyProblem(name, "", PolicyRule.INIT_PARAM_INVALID, "property " + LogText.quote(name)
                    + " in " + location + " is written " + where + ", and only the last would count; write it once,"
                    + " with every value in that line"));
        }
        return new InvalidCorsPolicyException(problems);
    }

    private static InvalidCorsPolicyException unreadable(String location, Exception e) {
        return new InvalidCorsPolicyException(List.of(new PolicyProblem(CONFIG_FILE, location,
                PolicyRule.INIT_PARAM_INVALID, "cannot read " + CONFIG_FILE + " \"" + location + "\": " + describe(e))));
    }

    /**
     * Reads a properties file on disk, refusing one too large to be a CORS configuration rather than reading
     * it into memory.
     *
     * @param file the file
     * @return its content
     * @throws IOException when it cannot be read, is not a regular file or is larger than {@link #MAX_FILE_BYTES}
     */
    static byte[] read(Path file) throws IOException {
        if (regularFile(file).size() > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        // Bounded all the same: the file may grow between the two calls.
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMostMaxBytes(in);
        }
    }

    /**
     * The attributes of a regular file (links followed), checked before it is opened: opening a named pipe
     * waits for a writer, in native code that no interrupt ends, and a device may never end.
     */
    private static BasicFileAttributes regularFile(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new IOException("it is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("it is not a regular file (a named pipe, socket or device), which no CORS configuration is");
        }
        return attributes;
    }

    private static byte[] readAtMostMaxBytes(InputStream in) throws IOException {
        byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return content;
    }

    private static IOException tooLarge() {
        return new IOException("it is larger than 1 MiB, which no CORS configuration needs; is it the right file?");
    }

    /**
     * Says what went wrong; the file-system exceptions' own messages are only the path.
     *
     * @param e the exception
     * @return a short reason, e.g. {@code no such file}
     */
    static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage();
    }

    /**
     * Names the settings present in the environment or system properties, for a filter that ignores them
     * because it was configured in code.
     *
     * @param environment the environment
     * @param systemProperties the system properties
     * @return the variable and property names, sorted; empty when there are none
     */
    static Set<String> presentOutsideCode(Map<String, String> environment, Map<String, String> systemProperties) {
        Set<String> present = new TreeSet<>();
        Set<String> names = undottedNames();
        names.add(CONFIG_FILE);
        for (String name : names) {
            if (environment.containsKey(environmentName(name))) {
                present.add(environmentName(name));
            }
            if (systemProperties.containsKey(SYSTEM_PREFIX + name)) {
                present.add(SYSTEM_PREFIX + name);
            }
        }
        return present;
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = (loader != null ? loader : ConfigurationSources.class.getClassLoader()).getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no such resource on the class path");
            }
            return in;
        }
        Path file = Path.of(location);
        regularFile(file);
        return Files.newInputStream(file);
    }
}
