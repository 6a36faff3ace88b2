package dev.corsfilter.spring.boot;

import dev.corsfilter.ClosestName;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ReflectionUtils;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks the names of the {@code cors.*} properties an application sets, which Spring's binding alone would drop
 * without a word: a name of no setting (a typo leaves a filter that allows nothing, or less than meant), and two
 * per-path policies whose names are one to Spring's relaxed binding but two keys of the map. As the library does
 * with its own sources, an unknown name in the application's configuration (application.properties or .yml,
 * profiles, the command line) is an error, and one in the environment variables or system properties, which other
 * programs share, a warning; both with the closest name.
 */
final class CorsPropertyNames {

    private static final ConfigurationPropertyName CORS = ConfigurationPropertyName.of(CorsProperties.PREFIX);
    private static final ConfigurationPropertyName ENABLED = CORS.append("enabled");
    /** The sources other programs share, where an unknown name is only warned about, as the library does. */
    private static final Set<String> SHARED_SOURCES = Set.of(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    private static final String ENVIRONMENT_PREFIX = "CORS_";

    private final List<PolicyProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private CorsPropertyNames() {
    }

    /**
     * Checks every {@code cors.*} name of the environment against the properties as bound.
     *
     * @param properties the bound properties, whose per-path policies tell which policy names exist
     * @param environment the application's environment
     * @return the problems and warnings found
     */
    static CorsPropertyNames check(CorsProperties properties, Environment environment) {
        CorsPropertyNames names = new CorsPropertyNames();
        Set<String> known = new TreeSet<>();
        knownNames(properties, "", known);
        names.unknown(environment, known);
        names.clashing("policies", properties.getPolicies());
        names.clashing("shadow.policies", properties.getShadow().getPolicies());
        return names;
    }

    /**
     * Whether the application's own configuration (not the environment variables or system properties) sets a
     * {@code cors.*} property other than {@code cors.enabled}: then even a misspelt or incomplete configuration
     * is meant for the starter, which reports it rather than registering nothing.
     *
     * @param environment the application's environment
     * @return true when it does
     */
    static boolean inApplicationConfiguration(Environment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable && !shared(source)
                    && iterable.stream().anyMatch(name -> CORS.isAncestorOf(name) && !ENABLED.equals(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The problems: unknown names in the application's configuration, and clashing policy names.
     *
     * @return one problem each, its setting the property concerned
     */
    List<PolicyProblem> problems() {
        return problems;
    }

    /**
     * The warnings: unknown names in the environment variables and system properties.
     *
     * @return one line each
     */
    List<String> warnings() {
        return warnings;
    }

    /** Every property of the bound properties, dashed and without {@code cors.}: those of each per-path policy too. */
    private static void knownNames(Object properties, String prefix, Set<String> known) {
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(properties.getClass())) {
            if (property.getWriteMethod() == null) {
                continue;
            }
            String name = prefix + DataObjectPropertyName.toDashedForm(property.getName());
            Object value = ReflectionUtils.invokeMethod(property.getReadMethod(), properties);
            if (value instanceof PolicyProperties nested) {
                knownNames(nested, name + ".", known);
            } else if (value instanceof Map<?, ?> policies) {
                policies.forEach((policy, settings) -> knownNames(settings, name + "." + policy + ".", known));
            } else {
                known.add(name);
            }
        }
    }

    private void unknown(Environment environment, Set<String> known) {
        List<ConfigurationPropertyName> properties = known.stream()
                .map(name -> ConfigurationPropertyName.adapt(CorsProperties.PREFIX + "." + name, '.')).toList();
        Set<String> seen = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean variables = named(source, StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            for (ConfigurationPropertyName name : iterable.stream().filter(CORS::isAncestorOf).toList()) {
                ConfigurationProperty property = iterable.getConfigurationProperty(name);
                if (variables) {
                    String variable = variableOf(name, property);
                    if (known.stream().noneMatch(setting -> spells(variable, setting)) && seen.add(variable)) {
                        warnings.add("CORS: environment variable " + variable + " names no cors.* property and is"
                                + " ignored; " + hint(variable.substring(ENVIRONMENT_PREFIX.length()), known, true));
                    }
                } else if (properties.stream().noneMatch(listOf(name)::equals) && seen.add(name.toString())) {
                    String hint = hint(name.toString().substring(CorsProperties.PREFIX.length() + 1), known, false);
                    if (shared(source)) {
                        warnings.add("CORS: system property " + name + " names no cors.* property and is ignored; "
                                + hint);
                    } else {
                        String value = property == null ? "" : String.valueOf(property.getValue());
                        problems.add(new PolicyProblem(name.toString(), value, PolicyRule.INIT_PARAM_UNKNOWN,
                                "unknown property" + where(property) + "; " + hint));
                    }
                }
            }
        }
    }

    /** Where a property was written, e.g. " (class path resource [application.yml] - 3:3)", when Spring knows. */
    private static String where(ConfigurationProperty property) {
        Origin origin = property == null ? null : property.getOrigin();
        if (origin instanceof PropertySourceOrigin inSource && inSource.getOrigin() == null) {
            return " (property source \"" + inSource.getPropertySource().getName() + "\")";
        }
        return origin == null ? "" : " (" + origin + ")";
    }

    /** A name with its last index removed ({@code cors.allowed-origins} for {@code cors.allowed-origins[0]}), or itself. */
    private static ConfigurationPropertyName listOf(ConfigurationPropertyName name) {
        return name.isLastElementIndexed() ? name.chop(name.getNumberOfElements() - 1) : name;
    }

    /** Whether an environment variable sets a property, as relaxed binding reads it, or an element of its list. */
    private static boolean spells(String variable, String setting) {
        String upper = (CorsProperties.PREFIX + "." + setting).toUpperCase(Locale.ROOT).replace('.', '_');
        for (String spelling : List.of(upper.replace("-", ""), upper.replace('-', '_'))) {
            if (variable.equals(spelling) || (variable.startsWith(spelling + "_")
                    && variable.substring(spelling.length() + 1).chars().allMatch(Character::isDigit))) {
                return true;
            }
        }
        return false;
    }

    private static String variableOf(ConfigurationPropertyName name, ConfigurationProperty property) {
        if (property != null && property.getOrigin() instanceof SystemEnvironmentOrigin origin) {
            return origin.getProperty().toUpperCase(Locale.ROOT);
        }
        return name.toString().toUpperCase(Locale.ROOT).replace('.', '_').replace("[", "_").replace("]", "");
    }

    /** "did you mean" the closest property, spelled as the name was; or the names there are. */
    private static String hint(String unprefixed, Set<String> known, boolean variable) {
        return ClosestName.among(unprefixed, known)
                .map(closest -> "did you mean " + (variable
                        ? ENVIRONMENT_PREFIX + closest.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
                        : CorsProperties.PREFIX + "." + closest) + "?")
                .orElseGet(() -> "the known ones are " + known.stream().filter(setting -> !setting.contains("."))
                        .map(setting -> CorsProperties.PREFIX + "." + setting).collect(Collectors.joining(", "))
                        + ", cors.policies.<name>.paths and cors.policies.<name>.<setting> for the same settings,"
                        + " and all of these under cors.shadow");
    }

    /**
     * Reports per-path policies whose names differ only in dashes, case or other punctuation: one name to
     * Spring's relaxed binding, two keys of the map. An environment variable, which cannot spell a dash, makes
     * such a second policy when it is meant to change the first.
     */
    private void clashing(String property, Map<String, ?> policies) {
        Map<String, List<String>> byLetters = new LinkedHashMap<>();
        new TreeSet<>(policies.keySet())
                .forEach(name -> byLetters.computeIfAbsent(letters(name), letters -> new ArrayList<>()).add(name));
        byLetters.values().stream().filter(names -> names.size() > 1).forEach(names -> {
            String undashed = names.stream().filter(name -> name.equals(letters(name))).findFirst()
                    .orElse(letters(names.get(0)));
            String dashed = names.stream().filter(name -> !name.equals(undashed)).findFirst().orElseThrow();
            problems.add(new PolicyProblem(CorsProperties.PREFIX + "." + property, String.join(", ", names),
                    PolicyRule.INIT_PARAM_INVALID, names.stream().map(name -> "\"" + name + "\"")
                    .collect(Collectors.joining(" and ")) + " are one policy name to Spring's relaxed binding but two"
                    + " policies: an environment variable cannot spell the dash of \"" + dashed + "\" ("
                    + ENVIRONMENT_PREFIX + property.toUpperCase(Locale.ROOT).replace('.', '_') + "_"
                    + undashed.toUpperCase(Locale.ROOT) + "_… names \"" + undashed + "\"), so it made a second policy"
                    + " instead of changing the first; to set a policy's properties from the environment, name it"
                    + " without dashes (\"" + undashed + "\")"));
        });
    }

    private static String letters(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean shared(ConfigurationPropertySource source) {
        return SHARED_SOURCES.stream().anyMatch(name -> named(source, name));
    }

    private static boolean named(ConfigurationPropertySource source, String name) {
        return source.getUnderlyingSource() instanceof PropertySource<?> underlying && underlying.getName().equals(name);
    }
}
