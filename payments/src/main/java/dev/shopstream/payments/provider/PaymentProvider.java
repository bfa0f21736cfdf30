package dev.shopstream.payments.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A payment provider: it holds the card behind a payment-method token, moves the money and tells us what happened
 * through signed webhooks. Every call that changes something carries an idempotency key, so a call repeated after a
 * timeout or a crash has its effect once. Implementations are CDI beans chosen by {@code shopstream.payments.provider}.
 */
public interface PaymentProvider {

    /** The longest provider name: what the payments' provider columns hold. */
    int NAME_MAX_LENGTH = 32;

    /** The longest reference a provider gives a charge or refund: what the provider_reference columns hold. */
    int REFERENCE_MAX_LENGTH = 255;

    /** The name in configuration and in the webhook path, e.g. {@code sandbox}. */
    String name();

    /** Authorizes (holds) the amount; a decline is a {@code FAILED} charge, not an exception. */
    ProviderCharge authorize(AuthorizationRequest request);

    /** The charge created with this idempotency key, if the provider ever received the request. */
    Optional<ProviderCharge> findCharge(String idempotencyKey);

    /** Every charge the provider created in {@code [from, to)}, for reconciliation. */
    List<ProviderCharge> chargesCreatedBetween(Instant from, Instant to);

    ProviderCharge capture(String chargeReference, long amountMinor, String idempotencyKey);

    ProviderCharge cancel(String chargeReference, String idempotencyKey);

    ProviderRefund refund(String chargeReference, long amountMinor, String idempotencyKey);

    /**
     * Verifies a webhook delivery's signature and reads the event.
     *
     * @throws WebhookRejectedException when the signature or its timestamp is not acceptable
     */
    ProviderEvent readWebhook(String signatureHeader, byte[] body);

    /** The HTTP header that carries the provider's webhook signature. */
    String signatureHeader();

    /** What the caller asks the provider to authorize. */
    record AuthorizationRequest(String idempotencyKey, long amountMinor, String currency, String paymentMethodToken) {
    }
}
