package dev.shopstream.commons.privacy;

import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.commons.inbox.UnprocessableEventException;

import java.util.UUID;

/**
 * auth's {@code dev.shopstream.auth.user.deleted} event (docs/events/user.events.md) as every service that keeps
 * personal data reads it, with the pseudonym that replaces the user's id in that service for this erasure: random,
 * so nothing kept can be traced back to the person, yet one erased person's records still belong together.
 */
public record UserDeleted(String userId, String pseudonym) {

    public static final String TYPE = "dev.shopstream.auth.user.deleted";

    /** @throws UnprocessableEventException when the event names no user, or another one than its subject */
    public static UserDeleted of(ReceivedEvent event) {
        String userId = event.requiredString("userId");
        if (event.subject() != null && !event.subject().equals(userId)) {
            throw new UnprocessableEventException("Event " + event.id() + " is about " + event.subject()
                    + " but names user " + userId + ".");
        }
        return new UserDeleted(userId, "erased-" + UUID.randomUUID());
    }
}
