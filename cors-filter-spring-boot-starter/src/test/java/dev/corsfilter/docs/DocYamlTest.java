package dev.corsfilter.docs;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.spring.boot.CorsFilterAutoConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```yaml} block of the documentation is an {@code application.yml} that the starter turns into a
 * working filter: loaded as Spring Boot loads YAML, bound to {@code cors.*}, and built by the library's rules.
 */
class DocYamlTest {

    @TestFactory
    Stream<DynamicTest> everyYamlBlockStartsAFilter() {
        List<Markdown.Block> blocks = Markdown.allBlocks().stream().filter(block -> block.language().equals("yaml")).toList();
        assertThat(blocks).as("yaml blocks in the docs").hasSizeGreaterThanOrEqualTo(3);
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load(block.toString(),
                    new ByteArrayResource(block.content().getBytes(StandardCharsets.UTF_8)));
            new WebApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(CorsFilterAutoConfiguration.class))
                    .withInitializer(context -> yaml.forEach(context.getEnvironment().getPropertySources()::addFirst))
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(CorsFilter.class);
                        CorsFilter filter = context.getBean(CorsFilter.class);
                        assertThat(filter.pathPolicies() != null || !filter.policy().allowedOrigins().isEmpty()
                                || filter.policy().allowsAnyOrigin()).as(block + " allows some origin").isTrue();
                    });
        }));
    }
}
