package dev.shopstream.auth.api;

import dev.shopstream.auth.account.Profile;
import dev.shopstream.auth.account.ProfileChange;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The only fields a user may change about themselves (absent ones stay as they are). Anything else in the body —
 * roles, emailVerified, enabled, username — is refused with 400 by the JSON binding (no mass assignment).
 */
public record ProfilePatch(
        @Size(min = 1, max = ProfilePatch.NAME_MAX_LENGTH) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(example = "Kim") String firstName,
        @Size(min = 1, max = ProfilePatch.NAME_MAX_LENGTH) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(example = "Meyer") String lastName,
        @Size(max = Profile.LOCALE_MAX_LENGTH)
        @Pattern(regexp = LOCALE, message = "must be a language code such as en or de-AT")
        @Schema(example = "de", description = "A language code; the realm offers en, de and fr") String locale) {

    static final String LOCALE = "[a-z]{2}(-[A-Z]{2})?";

    /** The longest first or last name a user may give. */
    static final int NAME_MAX_LENGTH = 100;

    ProfileChange toChange() {
        return new ProfileChange(firstName == null ? null : firstName.strip(),
                lastName == null ? null : lastName.strip(), locale);
    }
}
