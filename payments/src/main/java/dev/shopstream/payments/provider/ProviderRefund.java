package dev.shopstream.payments.provider;

/** A provider's record of one refund of a charge. */
public record ProviderRefund(String reference, String chargeReference, long amountMinor) {
}
