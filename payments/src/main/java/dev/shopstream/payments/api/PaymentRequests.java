package dev.shopstream.payments.api;

import dev.shopstream.commons.money.CurrencyCode;
import dev.shopstream.commons.money.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the payment API. Amounts are in the currency's minor unit. */
public final class PaymentRequests {

    /** The largest amount one payment may be for, in minor units: the platform's largest amount. */
    public static final long MAX_AMOUNT_MINOR = Money.MAX_AMOUNT_MINOR;

    /** The sizes of what a payment keeps: its order_id, customer_id, currency and reason columns. */
    public static final int ORDER_ID_MAX_LENGTH = 100;
    public static final int CUSTOMER_ID_MAX_LENGTH = 255;
    public static final int CURRENCY_LENGTH = 3;
    public static final int REASON_MAX_LENGTH = 500;

    /** The longest payment-method token, as its pattern and column allow. */
    public static final int TOKEN_MAX_LENGTH = 255;

    private PaymentRequests() {
    }

    /**
     * @param customerId         the customer's subject (the {@code sub} of their token): they alone may read it
     * @param paymentMethodToken the provider's token for the customer's payment method, never card data
     */
    public record CreateIntent(@NotBlank @Size(max = ORDER_ID_MAX_LENGTH)
                               @Schema(example = "6f1c2b0e-3d4a-4e8b-9c1d-2a7e5f0b9c31",
                                       description = "The order this pays for") String orderId,
                               @NotBlank @Size(max = CUSTOMER_ID_MAX_LENGTH)
                               @Schema(example = "0b5e7c9a-1f2d-4c3b-8a6e-9d0f1e2a3b4c", description = "The "
                                       + "customer's subject (sub of their token): they alone may read the payment")
                               String customerId,
                               @NotNull @Positive @Max(MAX_AMOUNT_MINOR)
                               @Schema(example = "4999", description = "In the currency's minor unit, e.g. cents")
                               Long amountMinor,
                               @NotNull @CurrencyCode @Size(max = CURRENCY_LENGTH)
                               @Schema(example = "EUR", description = "ISO 4217 code") String currency,
                               @NotNull @Size(max = TOKEN_MAX_LENGTH)
                               @Pattern(regexp = "[A-Za-z0-9_]{1,255}",
                                       message = "must be a provider payment-method token such as pm_card_visa")
                               @Schema(example = "pm_card_visa", description = "The provider's token for the "
                                       + "customer's payment method; card numbers are refused (422)")
                               String paymentMethodToken) {
    }

    /** Both optional: no amount captures everything authorized; a currency, when given, must be the intent's. */
    public record Capture(@Positive @Max(MAX_AMOUNT_MINOR)
                          @Schema(example = "3000", description = "Absent: everything authorized") Long amountMinor,
                          @CurrencyCode @Size(max = CURRENCY_LENGTH)
                          @Schema(example = "EUR", description = "When given, the payment's currency")
                          String currency) {
    }

    public record Refund(@NotNull @Positive @Max(MAX_AMOUNT_MINOR)
                         @Schema(example = "1000", description = "At most what is still refundable") Long amountMinor,
                         @CurrencyCode @Size(max = CURRENCY_LENGTH)
                         @Schema(example = "EUR", description = "When given, the payment's currency") String currency,
                         @NotBlank @Size(max = REASON_MAX_LENGTH)
                         @Schema(example = "Damaged on arrival") String reason) {
    }
}
