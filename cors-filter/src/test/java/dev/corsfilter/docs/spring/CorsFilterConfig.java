package dev.corsfilter.docs.spring;

// Run by dev.corsfilter.docs.SpringBootExampleTest; shown in docs/getting-started.md.

// tag::spring-boot[]
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Duration;

@Configuration
public class CorsFilterConfig {

    @Bean
    public FilterRegistrationBean<CorsFilter> corsFilter() {
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();

        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(policy));
        registration.setName("cors");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        // Before Spring Security, whose filter Spring Boot registers at order -100.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
// end::spring-boot[]
