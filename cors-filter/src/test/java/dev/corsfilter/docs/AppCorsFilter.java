package dev.corsfilter.docs;

// tag::webfilter[]
import dev.corsfilter.CorsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;

@WebFilter(filterName = "cors", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR},
        initParams = {
                @WebInitParam(name = "allowed-origins", value = "https://app.example.com"),
                @WebInitParam(name = "allowed-methods", value = "PUT, DELETE"),
                @WebInitParam(name = "allowed-headers", value = "Content-Type, Authorization"),
                @WebInitParam(name = "allow-credentials", value = "true"),
                @WebInitParam(name = "max-age", value = "600")
        })
public class AppCorsFilter extends CorsFilter {
}
// end::webfilter[]
