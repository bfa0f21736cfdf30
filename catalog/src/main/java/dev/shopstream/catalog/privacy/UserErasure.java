package dev.shopstream.catalog.privacy;

import dev.shopstream.commons.privacy.UserErasureConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Forgets a user auth erased ({@code user.deleted} on {@code user.events}). The catalog holds no shopper data; what
 * it keeps about people is the staff audit trail, which must stay: the records keep what was done and when, and
 * the person's name and subject are replaced by the erasure's pseudonym. Idempotency keys they used go too.
 */
@ApplicationScoped
public class UserErasure {

    static final String CONSUMER = "catalog.user-erasure";

    @Inject
    UserErasureConsumer erasure;

    @Incoming("user-events")
    public CompletionStage<Void> onUserEvent(Message<String> message) {
        return erasure.consume(CONSUMER, message);
    }
}
