package dev.shopstream.auth.api;

/** The answer to a sign-up: the account exists, and can be used once the e-mail address is verified. */
public record Registered(String userId, String email, boolean verificationPending) {
}
