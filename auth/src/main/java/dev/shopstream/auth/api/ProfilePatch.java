package dev.shopstream.auth.api;

import dev.shopstream.auth.account.ProfileChange;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The only fields a user may change about themselves (absent ones stay as they are). Anything else in the body —
 * roles, emailVerified, enabled, username — is refused with 400 by the JSON binding (no mass assignment).
 */
public record ProfilePatch(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String firstName,
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String lastName,
        @Pattern(regexp = LOCALE, message = "must be a language code such as en or de-AT") String locale) {

    static final String LOCALE = "[a-z]{2}(-[A-Z]{2})?";

    ProfileChange toChange() {
        return new ProfileChange(firstName == null ? null : firstName.strip(),
                lastName == null ? null : lastName.strip(), locale);
    }
}
