package dev.corsfilter.testing;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link FilterConfig} with a name and init-params, as a container builds one from {@code web.xml}. */
public final class FakeFilterConfig implements FilterConfig {

    private final String name;
    private final Map<String, String> params;

    /**
     * Creates a configuration.
     *
     * @param name the filter name
     * @param params the init-params, in order
     */
    public FakeFilterConfig(String name, Map<String, String> params) {
        this.name = name;
        this.params = new LinkedHashMap<>(params);
    }

    @Override
    public String getFilterName() {
        return name;
    }

    /** No servlet context: a filter that needs one cannot be tested with this configuration. */
    @Override
    public ServletContext getServletContext() {
        return null;
    }

    @Override
    public String getInitParameter(String name) {
        return params.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
    }
}
