package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.PolicyProblem;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers a {@link CorsFilter} in a servlet application that configures one: with {@code cors.*} properties
 * (see {@link CorsProperties}), or with its own {@link CorsPolicy} or {@link PathPolicies} bean, which then wins
 * over the properties. The filter comes before Spring Security's filter chain (pre-flights carry no credentials)
 * and sees the REQUEST, ASYNC, ERROR and FORWARD dispatches, so 401s, 500s and error pages carry CORS headers:
 * FORWARD for the error page of an application deployed as a WAR, which Spring Boot's ErrorPageFilter forwards to
 * after resetting the response (the filter applies the policy of the failed request, never the error page's).
 *
 * <p>An application that registers a {@code CorsFilter} itself (a bean, or a {@code FilterRegistrationBean} of
 * one), or sets {@code cors.enabled=false}, keeps full control: nothing is registered here. An invalid
 * configuration stops startup with every problem, unknown property names included, shown by
 * {@link InvalidCorsPolicyFailureAnalyzer}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = CorsProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnMissingBean(value = CorsFilter.class, parameterizedContainer = FilterRegistrationBean.class)
@Conditional(CorsFilterAutoConfiguration.Configured.class)
@EnableConfigurationProperties(CorsProperties.class)
public class CorsFilterAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CorsFilterAutoConfiguration.class);

    /** Creates the auto-configuration; Spring Boot does, when its conditions hold. */
    public CorsFilterAutoConfiguration() {
    }

    /**
     * The filter bean's name, and the servlet filter's: not {@code corsFilter}, which Spring Security's
     * {@code http.cors()} takes for its own, and which many applications give a filter bean of theirs (Spring's
     * CorsFilter of the Spring guides, say); the servlet container takes one filter per name.
     */
    public static final String FILTER_BEAN_NAME = "dev.corsfilter.CorsFilter";

    /**
     * The filter: for the application's policy bean if it has one, else for the {@code cors.*} properties.
     *
     * @param properties the bound properties
     * @param policy the application's policy, if any
     * @param paths the application's per-path policies, if any
     * @param beans the application's beans, to name its policy beans
     * @param environment the application's environment, to check the names of the {@code cors.*} properties
     * @return the filter, its configuration checked; destroyed with the context, which stops its config-file
     *     watcher also where no servlet container calls {@code Filter.destroy()} (a context without a server)
     * @throws CorsConfigurationException listing every problem with the properties, or when the application has
     *     several policy beans and none is primary
     */
    @Bean(name = FILTER_BEAN_NAME, destroyMethod = "destroy")
    public CorsFilter corsFilter(CorsProperties properties, ObjectProvider<CorsPolicy> policy,
                                 ObjectProvider<PathPolicies> paths, ListableBeanFactory beans, Environment environment) {
        CorsPolicy ownPolicy = ownBean(policy, CorsPolicy.class, beans);
        PathPolicies ownPaths = ownBean(paths, PathPolicies.class, beans);
        if (ownPolicy != null && ownPaths != null) {
            throw CorsConfigurationException.policyAndPathPolicyBeans(beans.getBeanNamesForType(CorsPolicy.class),
                    beans.getBeanNamesForType(PathPolicies.class));
        }
        if (ownPolicy == null && ownPaths == null) {
            return fromProperties(properties, environment);
        }
        if (properties.configured()) {
            LOG.warn("CORS: the application's {} bean is enforced; the cors.* properties are ignored",
                    ownPolicy != null ? "CorsPolicy" : "PathPolicies");
        }
        return ownPolicy != null ? new CorsFilter(ownPolicy) : new CorsFilter(ownPaths);
    }

    /** The application's bean of a type, the primary one of several; null for none; refused when undecided. */
    private static <T> T ownBean(ObjectProvider<T> provider, Class<T> type, ListableBeanFactory beans) {
        T own = provider.getIfUnique();
        String[] names = beans.getBeanNamesForType(type);
        if (own == null && names.length > 1) {
            throw CorsConfigurationException.severalPolicyBeans(type, names);
        }
        return own;
    }

    /**
     * The filter of the {@code cors.*} properties, after checking what the library cannot see: the names of the
     * properties, and policy properties beside a config file. Every problem is reported at once, under the
     * property (or file setting) it comes from.
     */
    private static CorsFilter fromProperties(CorsProperties properties, Environment environment) {
        CorsPropertyNames names = CorsPropertyNames.check(properties, environment);
        names.warnings().forEach(LOG::warn);
        List<PolicyProblem> problems = new ArrayList<>(names.problems());
        problems.addAll(properties.besideConfigFile());
        CorsFilter filter = null;
        try {
            filter = CorsFilter.fromSettings(properties.settings());
        } catch (InvalidCorsPolicyException e) {
            problems.addAll(PropertyProblems.of(e, properties, environment));
        }
        if (!problems.isEmpty()) {
            if (filter != null) {
                filter.destroy();
            }
            throw CorsConfigurationException.invalidProperties(problems, properties.getConfigFile());
        }
        return filter;
    }

    /**
     * The filter's registration: every path, the REQUEST, ASYNC, ERROR and FORWARD dispatches, before Spring
     * Security.
     *
     * @param corsFilter the filter
     * @param properties the bound properties, for the order
     * @return the registration
     */
    @Bean
    public FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter, CorsProperties properties) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setName(FILTER_BEAN_NAME);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
                DispatcherType.FORWARD);
        registration.setAsyncSupported(true);
        registration.setOrder(properties.getFilterOrder());
        return registration;
    }

    /**
     * Warns once, when the application has started, if Spring's own CORS handling is active too.
     *
     * @param beanFactory the application's beans
     * @return the check
     */
    @Bean
    public static SpringCorsHandlingCheck springCorsHandlingCheck(ConfigurableListableBeanFactory beanFactory) {
        return new SpringCorsHandlingCheck(beanFactory);
    }

    /** The application configures CORS: by properties, or with a policy bean. */
    static final class Configured extends AnyNestedCondition {

        Configured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(PropertiesSet.class)
        static final class ByProperties {
        }

        @ConditionalOnBean(CorsPolicy.class)
        static final class ByPolicyBean {
        }

        @ConditionalOnBean(PathPolicies.class)
        static final class ByPathPoliciesBean {
        }
    }

    /**
     * A {@code cors.*} setting is set, in any form relaxed binding accepts (a YAML list has no property named
     * {@code cors.allowed-origins}, only its elements); or the application's configuration has any {@code cors.*}
     * property but {@code cors.enabled}, so that a misspelt or incomplete one is reported, not ignored.
     */
    static final class PropertiesSet extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean configured = Binder.get(context.getEnvironment()).bind(CorsProperties.PREFIX, CorsProperties.class)
                    .map(CorsProperties::configured).orElse(false);
            return configured || CorsPropertyNames.inApplicationConfiguration(context.getEnvironment())
                    ? ConditionOutcome.match("cors.* properties configure a filter")
                    : ConditionOutcome.noMatch("no cors.* property");
        }
    }
}
