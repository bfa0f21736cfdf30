package dev.shopstream.payments.reconciliation;

import dev.shopstream.payments.provider.PaymentProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One reconciliation of a provider's window, as admins read it. */
@Schema(description = "One reconciliation of a provider's window: payments and charges created in "
        + "[windowStart, windowEnd)")
public record ReconciliationRun(long id,
                                @Schema(maxLength = PaymentProvider.NAME_MAX_LENGTH, example = "sandbox")
                                String provider,
                                OffsetDateTime windowStart,
                                OffsetDateTime windowEnd,
                                @Schema(enumeration = {"schedule", "admin"},
                                        description = "Who started it: the daily schedule or an admin")
                                String trigger,
                                @Schema(maxLength = STARTED_BY_MAX_LENGTH,
                                        description = "The admin's user name, or schedule") String startedBy,
                                @Schema(description = "The batch job execution, once started") Long executionId,
                                @Schema(enumeration = {"starting", "running", "completed", "failed"}) String status,
                                @Schema(description = "Provider charges compared, once completed")
                                Integer chargesChecked,
                                @Schema(description = "Ledger payments compared, once completed")
                                Integer paymentsChecked,
                                @Schema(description = "Gaps found, once completed") Integer gapsFound,
                                OffsetDateTime createdAt,
                                OffsetDateTime finishedAt) {

    /** The longest name of whoever started a run: what its started_by column holds. */
    public static final int STARTED_BY_MAX_LENGTH = 255;
}
