package dev.shopstream.notifications.api;

/**
 * Staff appear in what notifications returns by their Keycloak username (who edited a template, who replayed a dead
 * letter): Keycloak bounds its length, notifications only documents it.
 */
final class Usernames {

    /** Keycloak's limit on a username (a service account's too). */
    static final int MAX_LENGTH = 255;

    private Usernames() {
    }
}
