package dev.corsfilter.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 4 application as teams write it: a REST API behind Spring Security 7 (HTTP Basic, every
 * {@code /api/**} call authenticated), with cors-filter configured only by {@code cors.*} properties.
 */
@SpringBootApplication
public class ApiApplication {

    /**
     * Spring Security: {@code /api/**} needs a user; the error page and the browser harness's paths do not.
     *
     * @param http Spring Security's builder
     * @return the filter chain
     * @throws Exception as Spring Security's builder may
     */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The API. */
    @RestController
    static class Api {

        @GetMapping("/api/hello")
        String hello() {
            return "hello";
        }

        @PutMapping("/api/items")
        String put() {
            return "stored";
        }

        @GetMapping("/api/boom")
        String boom() {
            throw new IllegalStateException("controller failure (expected by the test)");
        }
    }
}
