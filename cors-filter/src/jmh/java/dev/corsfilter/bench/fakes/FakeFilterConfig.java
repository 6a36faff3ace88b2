package dev.corsfilter.bench.fakes;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link FilterConfig} with a name and init-params; used once per trial, outside measured code. */
public final class FakeFilterConfig implements FilterConfig {

    private final String name;
    private final Map<String, String> params;

    /**
     * Creates a configuration.
     *
     * @param name the filter name
     * @param params the init-params
     */
    public FakeFilterConfig(String name, Map<String, String> params) {
        this.name = name;
        this.params = new LinkedHashMap<>(params);
    }

    @Override
    public String getFilterName() {
        return name;
    }

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
