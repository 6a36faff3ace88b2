package dev.corsfilter.docs;

// tag::initializer[]
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

public class CorsInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins("https://app.example.com")
                .allowedMethods("PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();

        FilterRegistration.Dynamic cors = context.addFilter("cors", new CorsFilter(policy));
        cors.setAsyncSupported(true);
        // isMatchAfter = false: before the filters declared in web.xml, such as authentication.
        cors.addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR), false, "/*");
    }
}
// end::initializer[]
