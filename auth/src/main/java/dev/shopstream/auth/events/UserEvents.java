package dev.shopstream.auth.events;

import dev.shopstream.commons.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;

/**
 * The {@code user.events} topic: what happened to a Keycloak user, keyed by the user's id, written to the outbox in
 * the transaction of the change (docs/events/user.events.md). Data carries ids and what changed; only
 * {@code registered} carries the address and name, which notifications needs for its welcome mail.
 */
@ApplicationScoped
public class UserEvents {

    public static final String TOPIC = "user.events";
    private static final String TYPE_PREFIX = "dev.shopstream.auth.user.";

    public record Registered(String userId, String email, String firstName, String lastName, String locale,
                             Instant registeredAt) {
    }

    public record EmailVerified(String userId, Instant verifiedAt) {
    }

    public record RolesChanged(String userId, Set<String> roles, Set<String> added, Set<String> removed,
                               String changedBy, Instant changedAt) {
    }

    public record AccessChanged(String userId, String changedBy, Instant changedAt) {
    }

    public record Deleted(String userId, Instant deletedAt) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(Registered event) {
        add("registered", event.userId(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void emailVerified(EmailVerified event) {
        add("email-verified", event.userId(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rolesChanged(RolesChanged event) {
        add("roles-changed", event.userId(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void disabled(AccessChanged event) {
        add("disabled", event.userId(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enabled(AccessChanged event) {
        add("enabled", event.userId(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(Deleted event) {
        add("deleted", event.userId(), event);
    }

    private void add(String type, String userId, Object data) {
        outbox.add(TOPIC, TYPE_PREFIX + type, userId, data);
    }
}
