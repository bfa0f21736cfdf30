package dev.shopstream.auth.keycloak;

/**
 * Keycloak refused a value (its 400), e.g. a password its policy rejects or a profile attribute the realm does not
 * allow. Unless the caller explains it in the domain's terms, it is our bug: a 500, since our validation let the
 * value through.
 */
public class KeycloakRefusedException extends IllegalStateException {

    private final String answer;

    public KeycloakRefusedException(String kind, String id, String answer, Throwable cause) {
        super("Keycloak refused a change of " + kind + " " + id + ": " + answer, cause);
        this.answer = answer;
    }

    /** Keycloak's answer, as it sent it (often {@code {"error": "...", "error_description": "..."}}). */
    public String answer() {
        return answer;
    }
}
