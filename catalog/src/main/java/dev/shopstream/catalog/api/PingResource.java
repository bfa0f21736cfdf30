package dev.shopstream.catalog.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cheapest request the service answers through the whole JAX-RS stack (filters, rate limit, security headers):
 * a reachability check for clients, and the ceiling the benchmarks compare real endpoints with.
 */
@Path("/ping")
@Tag(name = "Operations")
@ApplicationScoped
public class PingResource {

    @GET
    @PermitAll
    @Operation(operationId = "pingCatalog", summary = "Check that the catalog answers",
            description = "Public, no token needed: answers 204 No Content through the whole request pipeline "
                    + "(rate limit included), so a client can tell the service is reachable. Health and readiness "
                    + "for orchestrators are under /health.")
    @APIResponse(responseCode = "204", description = "The service is reachable")
    public Response ping() {
        return Response.noContent().build();
    }
}
