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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/auth")
@Tag(name = "Sign-up")
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
    @Operation(summary = "Sign up as a customer", description = "Creates the Keycloak account with the customer role "
            + "and mails the verify-e-mail link; sign-in works once it is followed. Taken address → 409; a password "
            + "the realm's policy refuses → 422 naming the rule.")
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
    @Operation(summary = "Ask for a password reset mail", description = "Always 202, whether or not the address "
            + "belongs to an account, so the answer reveals nothing; Keycloak mails an update-password link when it does.")
    public Response requestPasswordReset(@Valid @NotNull PasswordResetInput input) {
        registration.requestPasswordReset(input.email());
        return Response.accepted().build();
    }
}
