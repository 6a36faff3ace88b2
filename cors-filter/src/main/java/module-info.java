/**
 * CORS for Jakarta Servlet 6 applications: an immutable {@link dev.corsfilter.CorsPolicy} and the
 * {@link dev.corsfilter.CorsFilter} that enforces it.
 *
 * <p>Only {@code dev.corsfilter} is exported; {@code dev.corsfilter.internal} holds the decision logic
 * and may change in any release.
 */
module dev.corsfilter {
    requires transitive jakarta.servlet;
    requires org.slf4j;

    exports dev.corsfilter;
}
