package dev.shopstream.payments.webhook;

import dev.shopstream.payments.intent.PaymentIntent;
import dev.shopstream.payments.intent.PaymentIntentStore;
import dev.shopstream.payments.intent.PaymentIntents;
import dev.shopstream.payments.intent.PaymentStatus;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Applies verified provider events to intents, once each: an event id already recorded is a replay and changes
 * nothing; otherwise the event's charge brings the intent forward (never back) and the event id is recorded in the
 * same transaction. A charge event that cannot move its intent on (the sandbox's "authorized" after our own
 * authorization's answer, a late or repeated report) is answered from one read, without a lock or a write; its
 * repeats are ignored the same way. Events about intents we do not know are logged and acknowledged.
 */
@ApplicationScoped
public class ProviderWebhooks {

    private static final Logger LOG = Logger.getLogger(ProviderWebhooks.class.getName());

    public enum Outcome {
        APPLIED, IGNORED, UNKNOWN_INTENT, REPLAYED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @PersistenceContext(unitName = "payments")
    EntityManager entityManager;

    @Inject
    PaymentIntents intents;

    @Inject
    PaymentIntentStore store;

    @Inject
    MetricRegistry metrics;

    @Transactional
    public Outcome apply(String provider, ProviderEvent event) {
        Outcome outcome = settledAlready(provider, event).orElseGet(() -> applyFirstDelivery(provider, event));
        metrics.counter("payments.webhooks.received", new Tag("provider", provider), new Tag("outcome", outcome.code()))
                .inc();
        return outcome;
    }

    /**
     * Replayed, or ignored because the intent, as last committed, knows more than the event's charge. Statuses only
     * move forward, so a charge that cannot move the committed status cannot move any later one either.
     */
    private Optional<Outcome> settledAlready(String provider, ProviderEvent event) {
        Optional<UUID> charged = event.refund() == null ? intentIdOf(event.charge()) : Optional.empty();
        Object[] known = (Object[]) entityManager.createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM webhook_event WHERE provider = ? AND event_id = ?),
                               (SELECT status FROM payment_intent WHERE id = CAST(? AS uuid) AND provider = ?)""")
                .setParameter(1, provider).setParameter(2, event.id())
                .setParameter(3, charged.map(UUID::toString).orElse(null)).setParameter(4, provider)
                .getSingleResult();
        if ((Boolean) known[0]) {
            return Optional.of(Outcome.REPLAYED);
        }
        String status = (String) known[1];
        return status != null && !PaymentStatus.ofCode(status).isMovedOnBy(event.charge())
                ? Optional.of(Outcome.IGNORED) : Optional.empty();
    }

    private Outcome applyFirstDelivery(String provider, ProviderEvent event) {
        Optional<PaymentIntent> found = intentIdOf(provider, event)
                .flatMap(store::lockedIfPresent)
                .filter(intent -> intent.provider().equals(provider));
        if (found.isEmpty()) {
            LOG.warning(() -> "Webhook event " + event.id() + " (" + event.type() + ") from " + provider
                    + " names no payment we know (charge " + event.chargeReference() + "); acknowledged");
            remember(provider, event, null, Outcome.UNKNOWN_INTENT);
            return Outcome.UNKNOWN_INTENT;
        }
        PaymentIntent intent = found.get();
        String before = intent.status() + "/" + intent.refundedMinor();
        if (event.charge() != null) {
            intents.catchUp(intent.id(), event.charge());
        }
        if (event.refund() != null) {
            intents.applyProviderRefund(intent, event.refund());
        }
        Outcome outcome = before.equals(intent.status() + "/" + intent.refundedMinor())
                ? Outcome.IGNORED : Outcome.APPLIED;
        remember(provider, event, intent.id(), outcome);
        return outcome;
    }

    /** Two concurrent deliveries of one event both reach here; the second one's record is a no-op. */
    private void remember(String provider, ProviderEvent event, UUID intentId, Outcome outcome) {
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_event (provider, event_id, event_type, intent_id, outcome)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .setParameter(1, provider).setParameter(2, event.id()).setParameter(3, event.type())
                .setParameter(4, intentId == null ? null : intentId.toString()).setParameter(5, outcome.code())
                .executeUpdate();
    }

    /** Our payment id is the charge's idempotency key; an event about a refund alone names the charge instead. */
    private Optional<UUID> intentIdOf(String provider, ProviderEvent event) {
        return event.charge() == null
                ? store.idByProviderReference(provider, event.refund().chargeReference())
                : intentIdOf(event.charge());
    }

    private static Optional<UUID> intentIdOf(ProviderCharge charge) {
        try {
            return Optional.of(UUID.fromString(charge.idempotencyKey()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
