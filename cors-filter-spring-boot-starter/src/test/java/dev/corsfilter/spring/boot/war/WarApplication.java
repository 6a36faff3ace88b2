package dev.corsfilter.spring.boot.war;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.support.SpringBootServletInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot application packaged as Spring Boot documents for a WAR on an external servlet container: a
 * {@link SpringBootServletInitializer}, which adds Spring Boot's ErrorPageFilter. That filter resets the response
 * of a failed request and forwards it to {@code /error}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WarApplication.Api.class, WarApplication.Pages.class})
public class WarApplication extends SpringBootServletInitializer {

    /** The origin the application's cors.* properties allow. */
    public static final String APP = "https://app.example.com";

    @Override
    protected SpringApplicationBuilder configure(SpringApplicationBuilder builder) {
        return builder.sources(WarApplication.class).properties("cors.allowed-origins=" + APP,
                "cors.allow-credentials=true", "spring.security.user.name=user", "spring.security.user.password=secret");
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults()).csrf(csrf -> csrf.disable()).build();
    }

    /** The API. */
    @RestController
    static class Api {

        @GetMapping({"/api/hello", "/public/hello"})
        String hello() {
            return "hello";
        }

        @GetMapping("/api/boom")
        String boom() {
            throw new IllegalStateException("controller failure (expected by the test)");
        }
    }

    /** A page that forwards to another, as applications do. */
    @Controller
    static class Pages {

        @GetMapping("/public/forward")
        String forward() {
            return "forward:/public/hello";
        }
    }
}
