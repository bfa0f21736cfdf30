package dev.shopstream.auth.keycloak;

import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's verdict on a password that fails the realm's password policy, named after the policy rule (the names
 * used in the realm's {@code passwordPolicy}), so a client can tell the user what to change.
 */
public record PasswordPolicyRule(String rule, String message) {

    // Keycloak's message keys (its PolicyError) per rule.
    private static final Map<String, String> RULES_BY_MESSAGE_KEY = Map.ofEntries(
            Map.entry("invalidPasswordMinLengthMessage", "length"),
            Map.entry("invalidPasswordMaxLengthMessage", "maxLength"),
            Map.entry("invalidPasswordNotUsernameMessage", "notUsername"),
            Map.entry("invalidPasswordNotEmailMessage", "notEmail"),
            Map.entry("invalidPasswordHistoryMessage", "passwordHistory"),
            Map.entry("invalidPasswordMinDigitsMessage", "digits"),
            Map.entry("invalidPasswordMinLowerCaseCharsMessage", "lowerCase"),
            Map.entry("invalidPasswordMinUpperCaseCharsMessage", "upperCase"),
            Map.entry("invalidPasswordMinSpecialCharsMessage", "specialChars"),
            Map.entry("invalidPasswordRegexPatternMessage", "regexPattern"),
            Map.entry("invalidPasswordBlacklistedMessage", "passwordBlacklist"),
            Map.entry("invalidPasswordGenericMessage", "policy"));

    /** The rule behind Keycloak's error key, if it is a password policy error at all. */
    public static Optional<PasswordPolicyRule> fromKeycloakError(String errorKey, String description) {
        return Optional.ofNullable(RULES_BY_MESSAGE_KEY.get(errorKey))
                .map(rule -> new PasswordPolicyRule(rule, description == null || description.isBlank()
                        ? "The password does not meet the password policy (" + rule + ")." : description));
    }

    /** 422: the request is well-formed, but the realm's policy refuses the password. */
    public ProblemException toProblem() {
        return new ProblemException(ProblemType.UNPROCESSABLE,
                "The password does not meet the password policy rule '" + rule + "': " + message,
                List.of(new FieldViolation("password", rule + ": " + message)), Map.of());
    }
}
