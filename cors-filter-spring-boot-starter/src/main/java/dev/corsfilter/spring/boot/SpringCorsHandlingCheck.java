package dev.corsfilter.spring.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Looks, once all beans exist, for Spring's own CORS handling beside cors-filter: {@code @CrossOrigin} handlers,
 * {@code addCorsMappings} or a {@code CorsConfigurationSource} for Spring MVC, {@code http.cors()} in a Spring
 * Security filter chain, or Spring's {@code CorsFilter}. With both, two layers write {@code Access-Control-*}
 * headers and may disagree, so the application is warned once, with what was found.
 */
public final class SpringCorsHandlingCheck implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(SpringCorsHandlingCheck.class);
    private static final boolean MVC = ClassUtils.isPresent(
            "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping", null);
    private static final String MVC_INTROSPECTOR = "org.springframework.web.servlet.handler.HandlerMappingIntrospector";
    private static final boolean SECURITY = ClassUtils.isPresent("org.springframework.security.web.SecurityFilterChain", null);

    private final ConfigurableListableBeanFactory beans;

    /**
     * Prepares the check.
     *
     * @param beans the application's beans
     */
    public SpringCorsHandlingCheck(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> found = springCorsHandling();
        if (!found.isEmpty()) {
            LOG.warn("CORS: two CORS layers are active, cors-filter and Spring's own CORS handling ({}); they may"
                    + " disagree and send Access-Control-* headers twice. Remove Spring's CORS configuration and keep"
                    + " the cors.* properties (see the migration guide, \"From Spring\")", String.join("; ", found));
        }
    }

    /**
     * What of Spring's CORS handling the application has.
     *
     * @return one description per thing found, empty when there is none
     */
    List<String> springCorsHandling() {
        List<String> found = new ArrayList<>();
        if (ClassUtils.isPresent("org.springframework.web.filter.CorsFilter", null)) {
            Web.springFilters(beans, found);
        }
        if (MVC) {
            Mvc.crossOrigin(beans, found);
        }
        if (SECURITY) {
            Security.corsInFilterChains(beans, found);
        }
        return found;
    }

    /** spring-web: Spring's CorsFilter and CORS configuration sources. */
    private static final class Web {

        static void springFilters(ConfigurableListableBeanFactory beans, List<String> found) {
            beans.getBeansOfType(CorsFilter.class, false, false).keySet()
                    .forEach(name -> found.add("Spring's CorsFilter bean '" + name + "'"));
            beans.getBeansOfType(FilterRegistrationBean.class, false, false).forEach((name, registration) -> {
                if (registration.getFilter() instanceof CorsFilter) {
                    found.add("a registration of Spring's CorsFilter '" + name + "'");
                }
            });
            beans.getBeansOfType(CorsConfigurationSource.class, false, false).forEach((name, source) -> {
                // Spring MVC's introspector is a CorsConfigurationSource in every MVC application; it configures nothing.
                if (!source.getClass().getName().equals(MVC_INTROSPECTOR)) {
                    found.add("CorsConfigurationSource bean '" + name + "'");
                }
            });
        }
    }

    /** Spring MVC: {@code @CrossOrigin} and global CORS mappings. */
    private static final class Mvc {

        static void crossOrigin(ConfigurableListableBeanFactory beans, List<String> found) {
            for (Map.Entry<String, RequestMappingHandlerMapping> mapping
                    : beans.getBeansOfType(RequestMappingHandlerMapping.class, false, false).entrySet()) {
                mapping.getValue().getHandlerMethods().values().stream().filter(Mvc::isCrossOrigin).findFirst()
                        .ifPresent(handler -> found.add("@CrossOrigin on " + handler.getShortLogMessage()));
            }
            // Global mappings are given to every handler mapping: one mention is enough.
            if (beans.getBeansOfType(AbstractHandlerMapping.class, false, false).values().stream()
                    .anyMatch(mapping -> mapping.getCorsConfigurationSource() != null)) {
                found.add("global CORS mappings (WebMvcConfigurer.addCorsMappings)");
            }
        }

        private static boolean isCrossOrigin(HandlerMethod handler) {
            return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), CrossOrigin.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), CrossOrigin.class);
        }
    }

    /** Spring Security: {@code http.cors()}, which puts Spring's CorsFilter in a filter chain. */
    private static final class Security {

        static void corsInFilterChains(ConfigurableListableBeanFactory beans, List<String> found) {
            beans.getBeansOfType(SecurityFilterChain.class, false, false).forEach((name, chain) -> {
                if (chain.getFilters().stream().anyMatch(CorsFilter.class::isInstance)) {
                    found.add("http.cors() in Spring Security's filter chain '" + name + "'");
                }
            });
        }
    }
}
