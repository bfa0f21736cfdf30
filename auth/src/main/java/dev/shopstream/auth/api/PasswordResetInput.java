package dev.shopstream.auth.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordResetInput(@NotBlank @Email @Size(max = 254) String email) {
}
