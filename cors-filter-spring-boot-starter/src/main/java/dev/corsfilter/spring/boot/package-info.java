/**
 * Spring Boot auto-configuration of cors-filter: {@code cors.*} properties, or a {@code CorsPolicy} bean, register
 * a {@code dev.corsfilter.CorsFilter} ahead of Spring Security for the REQUEST, ASYNC, ERROR and FORWARD
 * dispatches.
 */
package dev.corsfilter.spring.boot;
