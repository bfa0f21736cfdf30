package dev.shopstream.payments.reconciliation;

import java.util.Locale;

/** How the ledger and the provider's records disagree about a payment. */
public enum GapKind {
    /** The provider has a charge our ledger knows nothing of. */
    MISSING_IN_LEDGER,
    /** We have a settled payment the provider has no charge for. */
    MISSING_AT_PROVIDER,
    /** Both know the payment, but authorized, captured or refunded amounts differ. */
    AMOUNT_MISMATCH,
    /** Both know the payment, but not in the same state. */
    STATUS_MISMATCH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
