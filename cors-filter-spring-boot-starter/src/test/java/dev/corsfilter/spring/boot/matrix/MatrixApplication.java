package dev.corsfilter.spring.boot.matrix;

import dev.corsfilter.browser.ProbeServlet;
import dev.corsfilter.browser.RequestLogFilter;
import dev.corsfilter.browser.RequireTokenFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser matrix's API as a Spring Boot 4 application: the harness's probe servlet behind its request log and
 * security filter, Spring Security's filter chain in place, and cors-filter from {@code cors.*} properties only.
 * Errors are rendered by Spring Boot's own error page ({@code /error}, an ERROR dispatch).
 */
@SpringBootApplication
public class MatrixApplication {

    @Bean
    ServletRegistrationBean<ProbeServlet> probe() {
        ServletRegistrationBean<ProbeServlet> probe = new ServletRegistrationBean<>(new ProbeServlet(), "/cred/*", "/cookie");
        probe.setAsyncSupported(true);
        return probe;
    }

    /** First, so that it sees the pre-flights the CORS filter answers. */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLog() {
        FilterRegistrationBean<RequestLogFilter> log = new FilterRegistrationBean<>(new RequestLogFilter());
        log.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return log;
    }

    /** The harness's stand-in for authentication, after the CORS filter like Spring Security. */
    @Bean
    FilterRegistrationBean<RequireTokenFilter> requireToken() {
        FilterRegistrationBean<RequireTokenFilter> token = new FilterRegistrationBean<>(new RequireTokenFilter());
        token.setOrder(-150);
        return token;
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).csrf(csrf -> csrf.disable()).build();
    }
}
