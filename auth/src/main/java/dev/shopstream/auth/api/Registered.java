package dev.shopstream.auth.api;

import dev.shopstream.auth.keycloak.KeycloakLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a sign-up: the account exists, and can be used once the e-mail address is verified. */
@Schema(description = "The new account; it can sign in once the e-mail address is verified")
public record Registered(@Schema(maxLength = KeycloakLimits.ID, description = "The new user's id, the sub of their "
                                 + "tokens") String userId,
                         @Schema(maxLength = RegistrationInput.EMAIL_MAX_LENGTH, description = "The address, in lower "
                                 + "case; it is also the user name") String email,
                         @Schema(description = "True: the verification mail is on its way")
                         boolean verificationPending) {
}
