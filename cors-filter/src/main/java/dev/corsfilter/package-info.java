/**
 * CORS for Jakarta Servlet 6: build a {@link dev.corsfilter.CorsPolicy}, hand it to a
 * {@link dev.corsfilter.CorsFilter}.
 */
package dev.corsfilter;
