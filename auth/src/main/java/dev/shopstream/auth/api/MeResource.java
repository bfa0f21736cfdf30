package dev.shopstream.auth.api;

import dev.shopstream.auth.account.AccountExport;
import dev.shopstream.auth.account.Accounts;
import dev.shopstream.auth.account.Profile;
import dev.shopstream.auth.account.Session;
import dev.shopstream.auth.keycloak.KeycloakLimits;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;

/** The signed-in user's own account; the token's subject is the Keycloak user id. */
@Path("/auth/me")
@Tag(name = "My account", description = "The signed-in user's own account: profile, sessions, data export and "
        + "erasure. Any signed-in customer, staff member or integrator, for their own account only.")
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
    @Operation(operationId = "getMyProfile", summary = "My profile and shop roles",
            description = "The signed-in user's identity as Keycloak keeps it (user name, e-mail address and whether "
                    + "it is verified, names, locale) and the shop roles they hold. Any signed-in user.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = Profile.class)))
    public Profile profile() {
        return accounts.profile(token.getSubject());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(operationId = "updateMyProfile", summary = "Change my profile",
            description = "Changes firstName, lastName and locale (a JSON merge patch: absent properties stay as "
                    + "they are); answers the profile after the change. Any other property (roles, emailVerified, "
                    + "…) → 400; a value Keycloak's user profile refuses, such as a locale the realm does not offer "
                    + "→ 422. Any signed-in user.")
    @APIResponse(responseCode = "200", description = "The profile after the change",
            content = @Content(schema = @Schema(implementation = Profile.class)))
    @APIResponse(responseCode = "422", description = "Keycloak refused a value")
    public Profile change(@Valid @NotNull ProfilePatch patch) {
        return accounts.change(token.getSubject(), patch.toChange());
    }

    @GET
    @Path("/sessions")
    @Operation(operationId = "listMySessions", summary = "My open sessions",
            description = "The user's open Keycloak sessions (sign-ins), oldest first, with the applications each "
                    + "one signed in to; current marks the session of the token that asks. Any signed-in user.")
    @APIResponse(responseCode = "200", description = "The open sessions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Session.class,
                    maxItems = KeycloakLimits.SESSIONS_PER_USER)))
    public List<Session> sessions() {
        return accounts.sessions(token.getSubject(), currentSessionId());
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(operationId = "deleteMySession", summary = "End one of my sessions",
            description = "Signs one of the user's sessions out: its refresh tokens stop working, access tokens "
                    + "already issued expire within 5 minutes. A session that is not the caller's → 404.")
    @APIResponse(responseCode = "204", description = "Ended")
    public Response endSession(@PathParam("id") @Size(max = 100) String sessionId) {
        accounts.endSession(token.getSubject(), sessionId);
        return Response.noContent().build();
    }

    @POST
    @Path("/logout-all")
    @Operation(operationId = "endAllMySessions", summary = "End all my sessions",
            description = "Signs the user out everywhere, this session included: every refresh token of theirs stops "
                    + "working; access tokens already issued expire within 5 minutes. Any signed-in user.")
    @APIResponse(responseCode = "204", description = "Ended")
    public Response logoutEverywhere() {
        accounts.endAllSessions(token.getSubject());
        return Response.noContent().build();
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportMyAccount", summary = "Export my identity data",
            description = "Everything the identity side holds about the user (GDPR Art. 15 and 20): profile, "
                    + "Keycloak attributes, the kinds of credentials they have (never the secrets), pending actions "
                    + "and open sessions, as a JSON attachment shopstream-account.json, not cached. Any signed-in "
                    + "user.")
    @APIResponse(responseCode = "200", description = "The export, as the attachment shopstream-account.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response export() {
        AccountExport export = accounts.export(token.getSubject(), currentSessionId());
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"shopstream-account.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Operation(operationId = "deleteMyAccount", summary = "Delete my account",
            description = "Deletes the user's Keycloak account for good and announces user.deleted, so the other "
                    + "services anonymise what they keep of them. Needs a sign-in within the last 5 minutes (the "
                    + "token's auth_time), else 401 with WWW-Authenticate error insufficient_user_authentication and "
                    + "max_age: sign the user in again (OIDC max_age or prompt=login) and retry.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token, or the last sign-in is more than 5 minutes ago")
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
