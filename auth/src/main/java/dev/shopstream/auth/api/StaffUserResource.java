package dev.shopstream.auth.api;

import dev.shopstream.auth.staff.UserAdministration;
import dev.shopstream.auth.staff.UserDetail;
import dev.shopstream.auth.staff.UserSummary;
import dev.shopstream.commons.paging.Cursor;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * Staff user administration. Reading, disabling, enabling and forcing a logout: support and admin, where support
 * may act on customer accounts only (403 otherwise); roles: admin only. Every change is audited.
 */
@Path("/auth/users")
@Tag(name = "Users (staff)", description = "Finding and managing user accounts. Support and admins; support may "
        + "change customer accounts only, and only admins set roles. Every change is audited.")
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
    @Operation(operationId = "searchUsers", summary = "Search users",
            description = "Users whose user name, e-mail address, first or last name contain q (every user without "
                    + "it), in Keycloak's order; pass nextCursor back as cursor for the next page. Support and "
                    + "admins.")
    public Page<UserSummary> search(@QueryParam("q") @Size(max = 100)
                                    @Parameter(description = "Text to look for, e.g. part of a name or address")
                                    String query,
                                    @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                    @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return administration.search(query, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"support", "admin"})
    @Operation(operationId = "getUser", summary = "One user",
            description = "The account with its shop roles, whether brute-force protection locks it now, pending "
                    + "Keycloak actions and how many sessions are open. Support and admins. Unknown id → 404.")
    public UserDetail view(@PathParam("id") @Size(max = 100) String userId) {
        return administration.view(userId);
    }

    @PUT
    @Path("/{id}/roles")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceUserRoles", summary = "Set a user's shop roles",
            description = "Replaces the user's shop roles with the complete set given, among customer, support, "
                    + "admin and integrator (other names → 400); Keycloak's own roles stay as they are. A change is "
                    + "audited and announces user.roles-changed; it shows in the user's tokens from their next "
                    + "refresh. Admins only. Unknown id → 404.")
    @APIResponse(responseCode = "200", description = "The roles the user holds now",
            content = @Content(schema = @Schema(implementation = UserRoles.class)))
    public UserRoles changeRoles(@PathParam("id") @Size(max = 100) String userId, @Valid @NotNull RolesInput input) {
        return new UserRoles(administration.changeRoles(userId, input.roles(), token.getName()));
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed({"support", "admin"})
    @Operation(operationId = "disableUser", summary = "Disable a user",
            description = "The account can no longer sign in, and its sessions end now. Audited; announces "
                    + "user.disabled. Support (customer accounts only, else 403) and admins. Already disabled: no "
                    + "change. Unknown id → 404.")
    @APIResponse(responseCode = "204", description = "Disabled")
    public Response disable(@PathParam("id") @Size(max = 100) String userId) {
        administration.setEnabled(userId, false, isAdmin(), token.getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({"support", "admin"})
    @Operation(operationId = "enableUser", summary = "Enable a user again",
            description = "The account can sign in again. Audited; announces user.enabled. Support (customer "
                    + "accounts only, else 403) and admins. Already enabled: no change. Unknown id → 404.")
    @APIResponse(responseCode = "204", description = "Enabled")
    public Response enable(@PathParam("id") @Size(max = 100) String userId) {
        administration.setEnabled(userId, true, isAdmin(), token.getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/logout")
    @RolesAllowed({"support", "admin"})
    @Operation(operationId = "endAllUserSessions", summary = "End all of a user's sessions",
            description = "Signs the user out everywhere: their refresh tokens stop working, access tokens already "
                    + "issued expire within 5 minutes. Audited. Support (customer accounts only, else 403) and "
                    + "admins. Unknown id → 404.")
    @APIResponse(responseCode = "204", description = "Ended")
    public Response logout(@PathParam("id") @Size(max = 100) String userId) {
        administration.logout(userId, isAdmin());
        return Response.noContent().build();
    }

    private boolean isAdmin() {
        return security.isUserInRole("admin");
    }
}
