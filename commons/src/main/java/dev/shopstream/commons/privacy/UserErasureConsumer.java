package dev.shopstream.commons.privacy;

import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.idempotency.IdempotencyStore;
import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.InboxConsumer;
import dev.shopstream.commons.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * What a service's {@code user.events} consumer hands each record to: on {@code user.deleted} it forgets the user in
 * what commons keeps for every service — the audit records they left as staff name the erasure's pseudonym instead
 * (the trail itself must stay), their idempotency keys go ({@link IdempotencyStore#forget}) — together with the service's own effect, once per event
 * and in one transaction ({@link InboxConsumer}). The {@code @Incoming} method stays in the service, which owns the
 * channel's configuration.
 */
@ApplicationScoped
public class UserErasureConsumer {

    private static final Logger LOG = Logger.getLogger(UserErasureConsumer.class.getName());

    /** A service's own effect of an erasure, beyond the shared one. */
    @FunctionalInterface
    public interface PersonalRecords {

        /** @return what was pseudonymised, for the log, e.g. {@code "3 payments"} */
        String pseudonymise(UserDeleted deleted);
    }

    @Inject
    InboxConsumer inboxConsumer;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyStore idempotencyKeys;

    /** For a service whose only personal data is what commons keeps. */
    public CompletionStage<Void> consume(String consumer, Message<String> message) {
        return inboxConsumer.consume(consumer, message, Map.of(UserDeleted.TYPE, event -> forget(event, null)));
    }

    /** @param own the service's own personal data, pseudonymised in the same transaction */
    public CompletionStage<Void> consume(String consumer, Message<String> message, PersonalRecords own) {
        return inboxConsumer.consume(consumer, message, Map.of(UserDeleted.TYPE, handler(own)));
    }

    /**
     * The erasure as a handler of {@link UserDeleted#TYPE}, for a service whose {@code user.events} consumer handles
     * other types too and passes its handlers to {@link InboxConsumer} itself.
     */
    public EventHandler handler(PersonalRecords own) {
        return event -> forget(event, own);
    }

    private void forget(ReceivedEvent event, PersonalRecords own) {
        UserDeleted deleted = UserDeleted.of(event);
        String ownRecords = own == null ? "" : own.pseudonymise(deleted) + " and ";
        int auditRecords = audit.forgetActor(deleted.userId(), deleted.pseudonym());
        idempotencyKeys.forget(deleted.userId(), deleted.pseudonym());
        LOG.info(() -> "Erased user of event " + event.id() + " forgotten: " + ownRecords + auditRecords
                + " audit records now name " + deleted.pseudonym());
    }
}
