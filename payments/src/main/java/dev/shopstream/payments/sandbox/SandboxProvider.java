package dev.shopstream.payments.sandbox;

import dev.shopstream.payments.provider.PaymentProvider;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderEvent;
import dev.shopstream.payments.provider.ProviderRefund;
import dev.shopstream.payments.provider.ProviderUnavailableException;
import dev.shopstream.payments.provider.WebhookRejectedException;
import dev.shopstream.payments.sandbox.SandboxCard.Operation;
import dev.shopstream.payments.webhook.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The built-in provider for local use and tests. It behaves like a remote one: test tokens decide the outcome
 * ({@link SandboxCard}), each answer takes a small configurable latency, it keeps its own records, and it tells the
 * service about every change through signed webhooks delivered asynchronously ({@link SandboxWebhookSender}).
 */
@ApplicationScoped
public class SandboxProvider implements PaymentProvider {

    public static final String NAME = "sandbox";
    public static final String SIGNATURE_HEADER = "Shopstream-Signature";

    @Inject
    SandboxRecords records;

    @Inject
    SandboxSettings settings;

    @Inject
    @ConfigProperty(name = "shopstream.payments.webhooks.tolerance", defaultValue = "PT5M")
    Duration tolerance;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderCharge authorize(AuthorizationRequest request) {
        ProviderCharge charge = records.createCharge(request.idempotencyKey(), request.amountMinor(),
                request.currency(), request.paymentMethodToken());
        // The charge exists from here on, whatever happens to the answer: a slow one makes the caller time out.
        respondAfter(SandboxCard.of(request.paymentMethodToken()), Operation.AUTHORIZE);
        return charge;
    }

    @Override
    public Optional<ProviderCharge> findCharge(String idempotencyKey) {
        respondAfter(settings.latency());
        return records.chargeByKey(idempotencyKey);
    }

    @Override
    public List<ProviderCharge> chargesCreatedBetween(Instant from, Instant to) {
        respondAfter(settings.latency());
        return records.chargesCreatedBetween(from, to);
    }

    @Override
    public ProviderCharge capture(String chargeReference, long amountMinor, String idempotencyKey) {
        SandboxCard card = reachable(chargeReference);
        ProviderCharge charge = records.capture(chargeReference, amountMinor, card);
        respondAfter(card, Operation.CAPTURE);
        return charge;
    }

    @Override
    public ProviderCharge cancel(String chargeReference, String idempotencyKey) {
        SandboxCard card = reachable(chargeReference);
        ProviderCharge charge = records.cancel(chargeReference, card);
        respondAfter(card, Operation.CANCEL);
        return charge;
    }

    @Override
    public ProviderRefund refund(String chargeReference, long amountMinor, String idempotencyKey) {
        SandboxCard card = reachable(chargeReference);
        Optional<ProviderRefund> replayed = records.refundByKey(idempotencyKey);
        if (replayed.isPresent()) {
            // A known key is answered from the record, at once, as a provider replays an idempotent request.
            respondAfter(settings.latency());
            return replayed.get();
        }
        ProviderRefund refund = records.refund(chargeReference, amountMinor, idempotencyKey, card);
        respondAfter(card, Operation.REFUND);
        return refund;
    }

    @Override
    public ProviderEvent readWebhook(String signatureHeader, byte[] body) {
        new WebhookSignature(settings.webhookSecret()).verify(signatureHeader, body, tolerance, Instant.now());
        try {
            return SandboxEventJson.read(body);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("The payload is not a sandbox event.");
        }
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE_HEADER;
    }

    /** The charge's test card; {@code pm_card_outage} fails here, before anything changes, as a provider's 503 would. */
    private SandboxCard reachable(String chargeReference) {
        SandboxCard card = records.cardOf(chargeReference);
        if (card == SandboxCard.OUTAGE) {
            respondAfter(settings.latency());
            throw new ProviderUnavailableException("The sandbox is unavailable for charge " + chargeReference, null);
        }
        return card;
    }

    private void respondAfter(SandboxCard card, Operation operation) {
        respondAfter(card.slowAt(operation) ? settings.slowLatency() : settings.latency());
    }

    private static void respondAfter(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            // The caller gave up waiting (a fault-tolerance timeout): the answer is lost, as on a real network.
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("The sandbox's answer was interrupted", e);
        }
    }
}
