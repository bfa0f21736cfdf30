package dev.shopstream.orders.privacy;

import dev.shopstream.commons.privacy.UserErasureConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Forgets a user auth erased ({@code user.deleted} on {@code user.events}). Orders are records the law makes us
 * keep, so they stay with their lines, amounts, dates and states; what points at the person goes: the customer id
 * becomes the erasure's pseudonym and the shipping address is blanked ({@link CustomerRecords}). The cart is
 * deleted. Audit records and idempotency keys are anonymised as in every service.
 */
@ApplicationScoped
public class UserErasure {

    static final String CONSUMER = "orders.user-erasure";

    @Inject
    UserErasureConsumer erasure;

    @Inject
    CustomerRecords customerRecords;

    @Incoming("user-events")
    public CompletionStage<Void> onUserEvent(Message<String> message) {
        return erasure.consume(CONSUMER, message,
                deleted -> customerRecords.pseudonymise(deleted.userId(), deleted.pseudonym()));
    }
}
