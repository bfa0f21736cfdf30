package dev.shopstream.payments.reconciliation;

import dev.shopstream.payments.provider.PaymentProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded gap, as admins read it. */
@Schema(description = "A difference found between the ledger and the provider's records")
public record GapRecord(long id,
                        @Schema(description = "The reconciliation run that found it first") long runId,
                        @Schema(maxLength = PaymentProvider.NAME_MAX_LENGTH, example = "sandbox") String provider,
                        @Schema(enumeration = {"missing_in_ledger", "missing_at_provider", "amount_mismatch",
                                "status_mismatch"}, description = "How they disagree, as in GapKind") String kind,
                        @Schema(description = "The payment, when the ledger knows it") UUID paymentId,
                        @Schema(maxLength = PaymentProvider.REFERENCE_MAX_LENGTH,
                                description = "The provider's charge, when the provider knows it")
                        String providerReference,
                        @Schema(maxLength = VALUE_MAX_LENGTH, description = "What the ledger says, e.g. captured 5000")
                        String ledgerValue,
                        @Schema(maxLength = VALUE_MAX_LENGTH, description = "What the provider says")
                        String providerValue,
                        OffsetDateTime foundAt) {

    /** The longest ledger or provider value a gap records: what its columns hold. */
    public static final int VALUE_MAX_LENGTH = 200;
}
