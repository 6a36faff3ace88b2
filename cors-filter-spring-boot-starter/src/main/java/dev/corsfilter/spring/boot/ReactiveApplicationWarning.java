package dev.corsfilter.spring.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;

/**
 * Tells a reactive (WebFlux) application that sets {@code cors.*} properties that the starter does nothing for
 * it: cors-filter is a servlet filter, for the servlet stack (Spring MVC) only. Without this, the properties
 * would be ignored without a word.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = CorsProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(CorsFilterAutoConfiguration.PropertiesSet.class)
public class ReactiveApplicationWarning {

    private static final Logger LOG = LoggerFactory.getLogger(ReactiveApplicationWarning.class);

    /** Logs the warning, once per application context; Spring Boot creates it when its conditions hold. */
    public ReactiveApplicationWarning() {
        LOG.warn("CORS: cors.* properties are set, but this is a reactive (WebFlux) application: cors-filter is a"
                + " servlet filter, and its Spring Boot starter registers nothing here. Use Spring WebFlux's"
                + " CorsWebFilter, or run the application on the servlet stack (Spring MVC); cors.enabled=false"
                + " silences this warning");
    }
}
