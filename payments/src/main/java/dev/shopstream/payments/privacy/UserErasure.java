package dev.shopstream.payments.privacy;

import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.idempotency.IdempotencyStore;
import dev.shopstream.commons.inbox.InboxConsumer;
import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.commons.privacy.UserDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(UserErasure.class.getName());

    @Inject
    InboxConsumer inboxConsumer;

    @Inject
    CustomerRecords customerRecords;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyStore idempotencyKeys;

    @Incoming("user-events")
    public CompletionStage<Void> onUserEvent(Message<String> message) {
        return inboxConsumer.consume(CONSUMER, message, Map.of(UserDeleted.TYPE, this::forget));
    }

    private void forget(ReceivedEvent event) {
        UserDeleted deleted = UserDeleted.of(event);
        int payments = customerRecords.pseudonymise(deleted.userId(), deleted.pseudonym());
        int auditRecords = audit.forgetActor(deleted.userId(), deleted.pseudonym());
        idempotencyKeys.forget(deleted.userId(), deleted.pseudonym());
        LOG.info(() -> "Erased user of event " + event.id() + " forgotten: " + payments + " payments and "
                + auditRecords + " audit records now name " + deleted.pseudonym());
    }
}
