package dev.corsfilter.spring.boot.docs;

// Used by dev.corsfilter.spring.boot.PropertyBindingTest; shown in docs/getting-started.md.

// tag::spring-boot-policy-bean[]
import dev.corsfilter.CorsPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration
public class PolicyBeanConfig {

    /** Registered by the starter, before Spring Security, instead of the cors.* properties. */
    @Bean
    public CorsPolicy corsPolicy() {
        return CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT", "DELETE")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();
    }
}
// end::spring-boot-policy-bean[]
