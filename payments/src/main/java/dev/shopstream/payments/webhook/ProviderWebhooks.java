package dev.shopstream.payments.webhook;

import dev.shopstream.payments.intent.PaymentIntent;
import dev.shopstream.payments.intent.PaymentIntents;
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
 * same transaction. Events about intents we do not know are logged and acknowledged.
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
    MetricRegistry metrics;

    @Transactional
    public Outcome apply(String provider, ProviderEvent event) {
        Outcome outcome = replayed(provider, event.id()) ? Outcome.REPLAYED : applyFirstDelivery(provider, event);
        metrics.counter("payments.webhooks.received", new Tag("provider", provider), new Tag("outcome", outcome.code()))
                .inc();
        return outcome;
    }

    private Outcome applyFirstDelivery(String provider, ProviderEvent event) {
        Optional<PaymentIntent> found = intentIdOf(provider, event)
                .flatMap(intents::lockedIfPresent)
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

    private boolean replayed(String provider, String eventId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM webhook_event WHERE provider = ? AND event_id = ?")
                .setParameter(1, provider).setParameter(2, eventId).getResultList().isEmpty();
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
        if (event.charge() == null) {
            return intents.idByProviderReference(provider, event.refund().chargeReference());
        }
        try {
            return Optional.of(UUID.fromString(event.charge().idempotencyKey()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
