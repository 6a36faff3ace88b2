package dev.corsfilter.spring.boot;

import dev.corsfilter.spring.boot.app.ApiApplication;
import dev.corsfilter.testing.RawHttp;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's servlet filter has a name of its own, {@code dev.corsfilter.CorsFilter}: Spring Boot names the
 * filter of a bean after the bean, the servlet container takes one filter per name, and {@code corsFilter} is the
 * name of many an application's own filter bean, and of Spring's CorsFilter in the Spring and Spring Security
 * guides. Both filters start, and Spring's is reported by the two-layers warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class FilterNameTest {

    private static final String APP = "https://app.example.com";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes());

    @Test
    void theRegistrationIsNamedAfterTheFilterClass() {
        try (ConfigurableApplicationContext context = start(Nothing.class)) {
            assertThat(context.getBean("corsFilterRegistration", org.springframework.boot.web.servlet.FilterRegistrationBean.class)
                    .getFilterName()).isEqualTo("dev.corsfilter.CorsFilter");
        }
    }

    @Test
    void aFilterBeanNamedCorsFilterOrderedFirstRunsBesideTheStartersFilter() {
        try (ConfigurableApplicationContext context = start(FirstFilterNamedCorsFilter.class)) {
            RawHttp.Response response = RawHttp.send(port(context), "OPTIONS", "/api/hello", "Origin", APP,
                    "Access-Control-Request-Method", "GET");

            assertThat(response.values("X-Own-Filter")).as("the application's filter ran").containsExactly("yes");
            assertThat(response.status()).as("the starter's filter answered the pre-flight").isEqualTo(204);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
        }
    }

    @Test
    void aFilterBeanNamedCorsFilterOrderedLastRunsBesideTheStartersFilter() {
        try (ConfigurableApplicationContext context = start(LastFilterNamedCorsFilter.class)) {
            RawHttp.Response response = RawHttp.send(port(context), "GET", "/api/hello", "Origin", APP,
                    "Authorization", BASIC);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.values("X-Own-Filter")).as("the application's filter ran").containsExactly("yes");
        }
    }

    @Test
    void springsCorsFilterBeanNamedCorsFilterGetsTheTwoLayersWarningOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(SpringCorsFilterNamedCorsFilter.class)) {
            assertThat(output.getOut()).contains("CORS: two CORS layers are active", "Spring's CorsFilter bean 'corsFilter'");
            assertThat(output.getOut().split("CORS: two CORS layers are active", -1)).as("one warning").hasSize(2);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> configuration) {
        return new SpringApplicationBuilder(ApiApplication.class, configuration)
                .properties("server.port=0", "server.address=127.0.0.1", "cors.allowed-origins=" + APP,
                        "spring.security.user.name=user", "spring.security.user.password=secret")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A filter of the application's that marks every response, at the order given. */
    static final class MarkingFilter implements Filter, Ordered {
        private final int order;

        MarkingFilter(int order) {
            this.order = order;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            ((HttpServletResponse) response).setHeader("X-Own-Filter", "yes");
            chain.doFilter(request, response);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Configuration(proxyBeanMethods = false)
    static class FirstFilterNamedCorsFilter {
        @Bean
        Filter corsFilter() {
            return new MarkingFilter(Ordered.HIGHEST_PRECEDENCE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LastFilterNamedCorsFilter {
        @Bean
        Filter corsFilter() {
            return new MarkingFilter(Ordered.LOWEST_PRECEDENCE);
        }
    }

    /** Spring's CorsFilter as the Spring and Spring Security guides declare it. */
    @Configuration(proxyBeanMethods = false)
    static class SpringCorsFilterNamedCorsFilter {
        @Bean
        org.springframework.web.filter.CorsFilter corsFilter() {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.addAllowedOrigin(APP);
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", configuration);
            return new org.springframework.web.filter.CorsFilter(source);
        }
    }
}
