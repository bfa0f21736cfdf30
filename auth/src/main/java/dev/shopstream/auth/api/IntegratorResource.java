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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Partners' OAuth2 clients (client credentials, role integrator), for admins. A secret is in the answer exactly
 * once — on creation and on rotation, marked no-store — and never again; creation therefore takes no
 * Idempotency-Key (a replay would have to keep the secret): a repeated name is a 409.
 */
@Path("/auth/integrators")
@Tag(name = "Integrator clients", description = "Partners' OAuth2 clients for the client credentials grant, "
        + "whose tokens carry the role integrator. Admins only.")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "keycloak")
public class IntegratorResource {

    @Inject
    IntegratorClients clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIntegratorClient", summary = "Create an integrator client",
            description = "Creates a confidential Keycloak client integrator-<name> for a partner system, whose "
                    + "tokens (client credentials grant) carry the role integrator. The answer holds the client "
                    + "secret: it is shown only now (Cache-Control: no-store), so a lost secret is rotated, not read "
                    + "again; hence no Idempotency-Key. Admins only. A taken name → 409.")
    @APIResponse(responseCode = "201", description = "Created; Location names the client",
            content = @Content(schema = @Schema(implementation = IntegratorCredentials.class)))
    @APIResponse(responseCode = "409", description = "An integrator client with this name exists")
    public Response create(@Valid @NotNull IntegratorInput input, @Context UriInfo uri) {
        IntegratorCredentials credentials = clients.create(input.name(), input.description());
        return Response.created(uri.getAbsolutePathBuilder().path(credentials.clientId()).build())
                .header("Cache-Control", "no-store")
                .entity(credentials)
                .build();
    }

    @GET
    @Operation(operationId = "listIntegratorClients", summary = "List integrator clients",
            description = "Every integrator client, by client id, without secrets. Admins only.")
    @APIResponse(responseCode = "200", description = "The integrator clients",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = IntegratorClient.class,
                    maxItems = IntegratorClient.MAX_LISTED)))
    public List<IntegratorClient> list() {
        return clients.list();
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(operationId = "rotateIntegratorClientSecret", summary = "Rotate a client's secret",
            description = "Issues a new secret, shown only in this answer (Cache-Control: no-store); the old one "
                    + "stops working at once, tokens already issued stay valid until they expire. Admins only. Not "
                    + "an integrator client → 404.")
    @APIResponse(responseCode = "200", description = "The new credentials",
            content = @Content(schema = @Schema(implementation = IntegratorCredentials.class)))
    public Response rotateSecret(@PathParam("clientId") @Size(max = 100) String clientId) {
        return Response.ok(clients.rotateSecret(clientId)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(operationId = "deleteIntegratorClient", summary = "Delete an integrator client",
            description = "Removes the client from Keycloak: it gets no more tokens, and those already issued expire "
                    + "within five minutes. Admins only. Not an integrator client → 404.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("clientId") @Size(max = 100) String clientId) {
        clients.delete(clientId);
        return Response.noContent().build();
    }
}
