package dev.shopstream.auth.api;

import dev.shopstream.auth.account.Profile;
import dev.shopstream.auth.registration.NewCustomer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sign-up. The password's strength is the realm's password policy, checked by Keycloak (422 naming the rule);
 * here only its size is bounded.
 */
public record RegistrationInput(
        @NotBlank @Email @Size(max = RegistrationInput.EMAIL_MAX_LENGTH)
        @Schema(example = "robin.shopper@example.com", description = "Also the user name; case does not matter")
        String email,
        @NotNull @Size(min = 1, max = 128)
        @Schema(example = "correct-horse-battery-7", description = "The realm's password policy applies: 12 to "
                + "128 characters, not the e-mail address", writeOnly = true)
        String password,
        @NotBlank @Size(max = ProfilePatch.NAME_MAX_LENGTH) @Schema(example = "Robin") String firstName,
        @NotBlank @Size(max = ProfilePatch.NAME_MAX_LENGTH) @Schema(example = "Shopper") String lastName,
        @Size(max = Profile.LOCALE_MAX_LENGTH)
        @Pattern(regexp = ProfilePatch.LOCALE, message = "must be a language code such as en or de-AT")
        @Schema(example = "en", description = "A language code; the realm offers en, de and fr") String locale) {

    /** The longest e-mail address (RFC 5321's path limit less the brackets). */
    static final int EMAIL_MAX_LENGTH = 254;

    NewCustomer toNewCustomer() {
        return new NewCustomer(email, password, firstName.strip(), lastName.strip(), locale);
    }

    @Override
    public String toString() {
        return "RegistrationInput[email=" + email + "]";
    }
}
