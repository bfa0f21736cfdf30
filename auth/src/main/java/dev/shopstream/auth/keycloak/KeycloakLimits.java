package dev.shopstream.auth.keycloak;

/**
 * The sizes of what Keycloak keeps, which bound what this service reads back from it and answers: users can change
 * their names in Keycloak's account console and admins anything in its admin console, so these, not this service's
 * own input limits, are what an answer may hold. The list sizes are bounds the realm keeps in practice, not limits
 * Keycloak enforces.
 */
public final class KeycloakLimits {

    /** The ids Keycloak generates for users and sessions: UUIDs. */
    public static final int ID = 36;

    /** User names, e-mail addresses, first and last names, client ids, names and secrets: Keycloak stores 255. */
    public static final int TEXT = 255;

    /** An IP address in text form: IPv6 with an embedded IPv4 address is the longest, at 45 characters. */
    public static final int IP_ADDRESS = 45;

    /** The required actions a user can have pending: one of each kind, and Keycloak 26 has fewer than 20 kinds. */
    public static final int REQUIRED_ACTIONS = 20;

    /** The clients one sign-in can span: the realm's clients that sign people in, a dozen with Keycloak's own. */
    public static final int CLIENTS_PER_SESSION = 50;

    /** The open sessions of one user: Keycloak sets no limit (its user session count limiter is not configured). */
    public static final int SESSIONS_PER_USER = 100;

    private KeycloakLimits() {
    }
}
