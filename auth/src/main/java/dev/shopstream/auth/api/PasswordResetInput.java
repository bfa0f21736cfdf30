package dev.shopstream.auth.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PasswordResetInput(@NotBlank @Email @Size(max = RegistrationInput.EMAIL_MAX_LENGTH)
                                 @Schema(example = "robin.shopper@example.com", description = "The account's e-mail "
                                         + "address") String email) {
}
