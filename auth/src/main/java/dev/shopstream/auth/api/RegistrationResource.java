package dev.shopstream.auth.api;

import dev.shopstream.auth.registration.Registration;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/auth")
@Tag(name = "Sign-up", description = "Creating a customer account and asking for a password reset. Open to anyone "
        + "without a token; each client address gets a small allowance per endpoint and minute (then 429).")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @Inject
    Registration registration;

    @POST
    @Path("/register")
    @PermitAll
    @AnonymousRateLimited
    @Operation(operationId = "registerCustomer", summary = "Sign up as a customer",
            description = "Creates a Keycloak account with the customer role, the e-mail address (in lower case) as "
                    + "its user name, and mails the verify-e-mail link; signing in works once the link is followed. "
                    + "Anyone may call it, without a token. Taken address → 409; a password the realm's policy "
                    + "refuses → 422 naming the rule; too many sign-ups from one address → 429.")
    @APIResponse(responseCode = "201", description = "Created; Location names the user",
            content = @Content(schema = @Schema(implementation = Registered.class)))
    @APIResponse(responseCode = "409", description = "An account with this e-mail address exists")
    @APIResponse(responseCode = "422", description = "The password breaks a rule of the realm's password policy")
    public Response register(@Valid @NotNull RegistrationInput input, @Context UriInfo uri) {
        String userId = registration.register(input.toNewCustomer());
        return Response.created(uri.getBaseUriBuilder().path("auth/users/{id}").build(userId))
                .entity(new Registered(userId, input.email().strip().toLowerCase(Locale.ROOT), true))
                .build();
    }

    @POST
    @Path("/password-reset")
    @PermitAll
    @AnonymousRateLimited
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password reset mail",
            description = "Keycloak mails an update-password link when the address belongs to an enabled account. "
                    + "Always 202, whether or not it does, and as fast either way, so the answer reveals nothing. "
                    + "Anyone may call it, without a token; too many requests from one address → 429.")
    @APIResponse(responseCode = "202", description = "Accepted; a mail follows if the address has an account")
    public Response requestPasswordReset(@Valid @NotNull PasswordResetInput input) {
        registration.requestPasswordReset(input.email());
        return Response.accepted().build();
    }
}
