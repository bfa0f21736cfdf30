package dev.shopstream.payments.intent;

/** A ledger movement a state change of an intent produces; the intent's currency applies. */
public record Movement(LedgerKind kind, long amountMinor, String providerReference, String reason) {

    public Movement {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A ledger movement moves a positive amount, not " + amountMinor);
        }
    }
}
