package dev.corsfilter.docs.jaxrs;

// Run by dev.corsfilter.docs.JaxRsExampleTest; shown in docs/getting-started.md.

// tag::jaxrs-resource[]
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A JAX-RS resource with no CORS code at all: no @OPTIONS method, no Access-Control-* header. */
@Path("/items")
public class ItemsResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        return "[\"first\"]";
    }

    @PUT
    public String store(String item) {
        return "stored";
    }

    @GET
    @Path("/broken")
    public String broken() {
        throw new IllegalStateException("resource failure (expected by the test)");
    }
}
// end::jaxrs-resource[]
