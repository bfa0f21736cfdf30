package dev.shopstream.payments.privacy;

import dev.shopstream.commons.privacy.UserErasureConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Forgets a user auth erased ({@code user.deleted} on {@code user.events}). Payments, ledger rows and the documents
 * made from them must be kept by law, so nothing is deleted: the amounts, currencies, dates, states, order ids and
 * provider references stay, and every field that points at the person is replaced by the erasure's pseudonym
 * ({@link CustomerRecords}), which also means the person's tokens no longer open those payments. Audit records they
 * left as staff and idempotency keys they used are anonymised the same way.
 */
@ApplicationScoped
public class UserErasure {

    static final String CONSUMER = "payments.user-erasure";

    @Inject
    UserErasureConsumer erasure;

    @Inject
    CustomerRecords customerRecords;

    @Incoming("user-events")
    public CompletionStage<Void> onUserEvent(Message<String> message) {
        return erasure.consume(CONSUMER, message, deleted ->
                customerRecords.pseudonymise(deleted.userId(), deleted.pseudonym()) + " payments");
    }
}
