package dev.shopstream.payments.api;

import dev.shopstream.commons.money.CurrencyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The request bodies of the payment API. Amounts are in the currency's minor unit. */
public final class PaymentRequests {

    /** The largest amount one payment may be for, in minor units (a billion in a two-decimal currency). */
    public static final long MAX_AMOUNT_MINOR = 100_000_000_000L;

    private PaymentRequests() {
    }

    /**
     * @param customerId         the customer's subject (the {@code sub} of their token): they alone may read it
     * @param paymentMethodToken the provider's token for the customer's payment method, never card data
     */
    public record CreateIntent(@NotBlank @Size(max = 100) String orderId,
                               @NotBlank @Size(max = 255) String customerId,
                               @NotNull @Positive @Max(MAX_AMOUNT_MINOR) Long amountMinor,
                               @NotNull @CurrencyCode String currency,
                               @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,255}",
                                       message = "must be a provider payment-method token such as pm_card_visa")
                               String paymentMethodToken) {
    }

    /** Both optional: no amount captures everything authorized; a currency, when given, must be the intent's. */
    public record Capture(@Positive @Max(MAX_AMOUNT_MINOR) Long amountMinor, @CurrencyCode String currency) {
    }

    public record Refund(@NotNull @Positive @Max(MAX_AMOUNT_MINOR) Long amountMinor, @CurrencyCode String currency,
                         @NotBlank @Size(max = 500) String reason) {
    }
}
