package dev.shopstream.auth.api;

import dev.shopstream.auth.account.AccountExport;
import dev.shopstream.auth.account.Accounts;
import dev.shopstream.auth.account.Profile;
import dev.shopstream.auth.account.Session;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;

/** The signed-in user's own account; the token's subject is the Keycloak user id. */
@Path("/auth/me")
@Tag(name = "My account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"customer", "support", "admin", "integrator"})
@SecurityRequirement(name = "keycloak")
public class MeResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    JsonWebToken token;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "shopstream.auth.reauthentication-max-age")
    Duration reauthenticationMaxAge;

    @GET
    @Operation(summary = "My profile and shop roles")
    public Profile profile() {
        return accounts.profile(token.getSubject());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change my profile", description = "firstName, lastName and locale only; any other "
            + "property (roles, emailVerified, …) → 400.")
    public Profile change(@Valid @NotNull ProfilePatch patch) {
        return accounts.change(token.getSubject(), patch.toChange());
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "My open sessions", description = "current marks the session of this token.")
    public List<Session> sessions() {
        return accounts.sessions(token.getSubject(), currentSessionId());
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(summary = "End one of my sessions", description = "A session that is not mine → 404.")
    public Response endSession(@PathParam("id") @Size(max = 100) String sessionId) {
        accounts.endSession(token.getSubject(), sessionId);
        return Response.noContent().build();
    }

    @POST
    @Path("/logout-all")
    @Operation(summary = "End all my sessions", description = "Every refresh token of mine stops working; access "
            + "tokens already issued expire within 5 minutes.")
    public Response logoutEverywhere() {
        accounts.endAllSessions(token.getSubject());
        return Response.noContent().build();
    }

    @GET
    @Path("/export")
    @Operation(summary = "Export my identity data", description = "Profile, attributes, kinds of credentials, "
            + "pending actions and sessions as JSON.")
    public Response export() {
        AccountExport export = accounts.export(token.getSubject(), currentSessionId());
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"shopstream-account.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Operation(summary = "Delete my account", description = "Needs a sign-in within the last 5 minutes (the token's "
            + "auth_time), else 401 with error insufficient_user_authentication. Deletes the Keycloak user and "
            + "announces user.deleted so the other services anonymise their records.")
    public Response erase() {
        RecentSignIn.require(token, reauthenticationMaxAge,
                sessionId -> accounts.sessionStart(token.getSubject(), sessionId));
        accounts.erase(token.getSubject());
        return Response.noContent().build();
    }

    private String currentSessionId() {
        return RecentSignIn.sessionId(token).orElse(null);
    }
}
