package dev.shopstream.notifications.keycloak;

/** What Keycloak knows of a user that mail needs; {@code firstName} and {@code locale} may be absent. */
public record KeycloakUser(String id, String email, String firstName, String locale) {
}
