package dev.corsfilter.docs.jaxrs;

// Run by dev.corsfilter.docs.JaxRsExampleTest; shown in docs/getting-started.md as what to delete.

// tag::jaxrs-hand-written[]
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** The usual hand-written CORS filter of a JAX-RS application: delete it, with its registration. */
@Provider
public class HandWrittenCorsFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().add("Access-Control-Allow-Origin", "*");
        response.getHeaders().add("Access-Control-Allow-Headers", "origin, content-type, accept, authorization");
        response.getHeaders().add("Access-Control-Allow-Credentials", "true");
        response.getHeaders().add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS, HEAD");
    }
}
// end::jaxrs-hand-written[]
