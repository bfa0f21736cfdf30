package dev.shopstream.commons.money;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An amount in the currency's minor unit (cents for EUR, yen for JPY) and its ISO 4217 code. Never floating point.
 * The amount is boxed so that a request which omits it is reported as a missing field rather than read as zero.
 */
public record Money(@NotNull @PositiveOrZero Long amountMinor, @NotNull @CurrencyCode String currency) {

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }
}
