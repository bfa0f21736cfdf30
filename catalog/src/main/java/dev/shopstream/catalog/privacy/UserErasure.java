package dev.shopstream.catalog.privacy;

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
 * Forgets a user auth erased ({@code user.deleted} on {@code user.events}). The catalog holds no shopper data; what
 * it keeps about people is the staff audit trail, which must stay: the records keep what was done and when, and
 * the person's name and subject are replaced by the erasure's pseudonym. Idempotency keys they used go too.
 */
@ApplicationScoped
public class UserErasure {

    static final String CONSUMER = "catalog.user-erasure";

    private static final Logger LOG = Logger.getLogger(UserErasure.class.getName());

    @Inject
    InboxConsumer inboxConsumer;

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
        int auditRecords = audit.forgetActor(deleted.userId(), deleted.pseudonym());
        idempotencyKeys.forget(deleted.userId(), deleted.pseudonym());
        LOG.info(() -> "Erased user of event " + event.id() + " forgotten: " + auditRecords
                + " audit records now name " + deleted.pseudonym());
    }
}
