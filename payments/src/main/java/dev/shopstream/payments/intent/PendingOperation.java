package dev.shopstream.payments.intent;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A capture, void or refund the provider was asked for but did not answer in time: it may or may not have happened.
 * The provider idempotency key is the one the request used, so asking again can never have a second effect.
 *
 * @param amountMinor for a capture or a refund; null for a void
 * @param reason      a refund's reason, for its ledger row
 */
public record PendingOperation(Long id, UUID intentId, Kind kind, String idempotencyKey, Long amountMinor,
                               String reason, OffsetDateTime since) {

    static PendingOperation capture(PaymentIntent intent, long amountMinor) {
        return new PendingOperation(null, intent.id(), Kind.CAPTURE, intent.id() + ":capture", amountMinor, null, null);
    }

    static PendingOperation voiding(PaymentIntent intent) {
        return new PendingOperation(null, intent.id(), Kind.VOID, intent.id() + ":void", null, null, null);
    }

    /** The provider's refund key derives from the caller's Idempotency-Key, so a retried request refunds once. */
    static PendingOperation refund(PaymentIntent intent, long amountMinor, String reason, String requestKey) {
        return new PendingOperation(null, intent.id(), Kind.REFUND, intent.id() + ":refund:" + requestKey,
                amountMinor, reason, null);
    }

    public enum Kind {
        CAPTURE, VOID, REFUND;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
