package dev.shopstream.auth.api;

import dev.shopstream.auth.staff.UserAdministration;
import dev.shopstream.auth.staff.UserDetail;
import dev.shopstream.auth.staff.UserSummary;
import dev.shopstream.commons.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Set;

/**
 * Staff user administration. Reading, disabling, enabling and forcing a logout: support and admin, where support
 * may act on customer accounts only (403 otherwise); roles: admin only. Every change is audited.
 */
@Path("/auth/users")
@Tag(name = "Users (staff)")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class StaffUserResource {

    @Inject
    UserAdministration administration;

    @Inject
    JsonWebToken token;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"support", "admin"})
    @Operation(summary = "Search users", description = "q matches user name, e-mail, first and last name; pass "
            + "nextCursor back as cursor for the next page.")
    public Page<UserSummary> search(@QueryParam("q") @Size(max = 100) String query,
                                    @QueryParam("cursor") @Size(max = 100) String cursor,
                                    @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return administration.search(query, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"support", "admin"})
    @Operation(summary = "One user", description = "With shop roles, brute-force lock, pending actions and open sessions.")
    public UserDetail view(@PathParam("id") @Size(max = 100) String userId) {
        return administration.view(userId);
    }

    @PUT
    @Path("/{id}/roles")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's shop roles", description = "The complete set among customer, support, admin, "
            + "integrator; other names → 400. Announces user.roles-changed.")
    public Map<String, Set<String>> changeRoles(@PathParam("id") @Size(max = 100) String userId,
                                                @Valid @NotNull RolesInput input) {
        return Map.of("roles", administration.changeRoles(userId, input.roles(), token.getName()));
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed({"support", "admin"})
    @Operation(summary = "Disable a user", description = "Ends their sessions too; announces user.disabled.")
    public Response disable(@PathParam("id") @Size(max = 100) String userId) {
        administration.setEnabled(userId, false, isAdmin(), token.getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({"support", "admin"})
    @Operation(summary = "Enable a user again", description = "Announces user.enabled.")
    public Response enable(@PathParam("id") @Size(max = 100) String userId) {
        administration.setEnabled(userId, true, isAdmin(), token.getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/logout")
    @RolesAllowed({"support", "admin"})
    @Operation(summary = "End all of a user's sessions")
    public Response logout(@PathParam("id") @Size(max = 100) String userId) {
        administration.logout(userId, isAdmin());
        return Response.noContent().build();
    }

    private boolean isAdmin() {
        return security.isUserInRole("admin");
    }
}
