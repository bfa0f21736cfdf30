package dev.shopstream.payments.provider;

/**
 * A provider's record of one charge, as its API or a webhook reports it.
 *
 * @param reference      the provider's id of the charge
 * @param idempotencyKey the key the charge was created with: our intent id
 * @param failureCode    why the charge failed, e.g. {@code insufficient_funds}; only for {@code FAILED}
 */
public record ProviderCharge(String reference, String idempotencyKey, ChargeStatus status, long amountMinor,
                             String currency, long capturedMinor, long refundedMinor, String failureCode) {

    /** A charge the provider declined or refused before giving it an id of its own (reference may be null). */
    public static ProviderCharge failed(String reference, String idempotencyKey, long amountMinor, String currency,
                                        String failureCode) {
        return new ProviderCharge(reference, idempotencyKey, ChargeStatus.FAILED, amountMinor, currency, 0, 0,
                failureCode);
    }

    public enum ChargeStatus {
        REQUIRES_ACTION, AUTHORIZED, FAILED, CAPTURED, CANCELED
    }
}
