package dev.shopstream.payments.provider;

/**
 * A webhook event: the charge as the provider knew it when the event happened, and for refund events the refund.
 *
 * @param id     the provider's event id, unique per provider (replays carry the same id)
 * @param type   the provider's event type, for the record
 * @param charge absent on events about a refund alone (the refund names its charge)
 * @param refund present on refund events only
 */
public record ProviderEvent(String id, String type, ProviderCharge charge, ProviderRefund refund) {

    public ProviderEvent {
        if (charge == null && refund == null) {
            throw new IllegalArgumentException("An event reports a charge, a refund or both");
        }
    }

    /** The provider's id of the charge the event is about. */
    public String chargeReference() {
        return charge != null ? charge.reference() : refund.chargeReference();
    }
}
