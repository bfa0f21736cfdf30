package dev.shopstream.commons.money;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An amount in the currency's minor unit (cents for EUR, yen for JPY) and its ISO 4217 code. Never floating point.
 * The amount is boxed so that a request which omits it is reported as a missing field rather than read as zero.
 */
public record Money(@NotNull @PositiveOrZero @Max(MAX_AMOUNT_MINOR) @Schema(example = "2495") Long amountMinor,
                    @NotNull @CurrencyCode @Size(min = 3, max = 3) @Schema(example = "EUR") String currency) {

    /** The largest amount any price, order or payment may have: a billion in major units. */
    public static final long MAX_AMOUNT_MINOR = 100_000_000_000L;

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }
}
