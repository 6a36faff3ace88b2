package dev.corsfilter.spring.boot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cors.*} properties cover every setting the library reads by name, for one policy, a per-path policy
 * and the shadow ones, so that nothing the properties file can say is out of reach of a Spring Boot application.
 */
class EverySettingTest {

    @Test
    void everyPolicySettingOfTheLibraryHasAProperty() throws Exception {
        Set<String> librarySettings = librarySettings();
        Map<String, String> properties = new HashMap<>();
        for (String setting : librarySettings) {
            properties.put("cors." + setting, "1");
            properties.put("cors.policies.api." + setting, "1");
            properties.put("cors.shadow." + setting, "1");
            properties.put("cors.shadow.policies.next." + setting, "1");
        }
        properties.put("cors.policies.api.paths", "/api/*");
        properties.put("cors.shadow.policies.next.paths", "/api/*");

        CorsProperties bound = new Binder(new MapConfigurationPropertySource(properties)).bind("cors", CorsProperties.class).get();

        Set<String> expected = new TreeSet<>(librarySettings);
        librarySettings.forEach(setting -> expected.add("api." + setting));
        expected.addAll(List.of("api.paths", "policies"));
        // Shadow mode's names: every setting with the library's shadow- prefix.
        librarySettings.forEach(setting -> expected.add("shadow-" + setting));
        librarySettings.forEach(setting -> expected.add("shadow-next." + setting));
        expected.addAll(List.of("shadow-next.paths", "shadow-policies"));
        assertThat(new TreeSet<>(bound.settings().keySet())).isEqualTo(expected);
    }

    /** The library's own list of a policy's setting names (package-private there; read here so the two cannot drift). */
    @SuppressWarnings("unchecked")
    private static Set<String> librarySettings() throws Exception {
        Field names = Class.forName("dev.corsfilter.InitParameters").getDeclaredField("POLICY_NAMES");
        names.setAccessible(true);
        return (Set<String>) names.get(null);
    }
}
