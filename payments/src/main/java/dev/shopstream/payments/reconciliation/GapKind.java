package dev.shopstream.payments.reconciliation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/** How the ledger and the provider's records disagree about a payment. */
@Schema(enumeration = {"missing_in_ledger", "missing_at_provider", "amount_mismatch", "status_mismatch"},
        description = "How the ledger and the provider disagree. missing_in_ledger: the provider has a charge the "
                + "ledger does not know; missing_at_provider: a settled payment the provider has no charge for; "
                + "amount_mismatch: authorized, captured or refunded amounts differ; status_mismatch: the states "
                + "differ.")
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
