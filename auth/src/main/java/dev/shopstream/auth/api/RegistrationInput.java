package dev.shopstream.auth.api;

import dev.shopstream.auth.registration.NewCustomer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A sign-up. The password's strength is the realm's password policy, checked by Keycloak (422 naming the rule);
 * here only its size is bounded.
 */
public record RegistrationInput(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 1, max = 128) String password,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Pattern(regexp = ProfilePatch.LOCALE, message = "must be a language code such as en or de-AT") String locale) {

    NewCustomer toNewCustomer() {
        return new NewCustomer(email, password, firstName.strip(), lastName.strip(), locale);
    }

    @Override
    public String toString() {
        return "RegistrationInput[email=" + email + "]";
    }
}
