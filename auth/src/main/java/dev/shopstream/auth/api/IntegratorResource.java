package dev.shopstream.auth.api;

import dev.shopstream.auth.integrators.IntegratorClient;
import dev.shopstream.auth.integrators.IntegratorClients;
import dev.shopstream.auth.integrators.IntegratorCredentials;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Partners' OAuth2 clients (client credentials, role integrator), for admins. A secret is in the answer exactly
 * once — on creation and on rotation, marked no-store — and never again; creation therefore takes no
 * Idempotency-Key (a replay would have to keep the secret): a repeated name is a 409.
 */
@Path("/auth/integrators")
@Tag(name = "Integrator clients")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "keycloak")
public class IntegratorResource {

    @Inject
    IntegratorClients clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an integrator client", description = "201 with clientId and clientSecret, shown "
            + "only now; a taken name → 409.")
    public Response create(@Valid @NotNull IntegratorInput input, @Context UriInfo uri) {
        IntegratorCredentials credentials = clients.create(input.name(), input.description());
        return Response.created(uri.getAbsolutePathBuilder().path(credentials.clientId()).build())
                .header("Cache-Control", "no-store")
                .entity(credentials)
                .build();
    }

    @GET
    @Operation(summary = "List integrator clients", description = "Without secrets.")
    public List<IntegratorClient> list() {
        return clients.list();
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(summary = "Rotate a client's secret", description = "The new secret, shown only now; the old one "
            + "stops working at once.")
    public Response rotateSecret(@PathParam("clientId") @Size(max = 100) String clientId) {
        return Response.ok(clients.rotateSecret(clientId)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Delete an integrator client", description = "Its tokens are no longer issued.")
    public Response delete(@PathParam("clientId") @Size(max = 100) String clientId) {
        clients.delete(clientId);
        return Response.noContent().build();
    }
}
