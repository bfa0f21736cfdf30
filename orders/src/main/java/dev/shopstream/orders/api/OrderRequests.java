package dev.shopstream.orders.api;

import dev.shopstream.commons.money.CurrencyCode;
import dev.shopstream.commons.money.Money;
import dev.shopstream.orders.cart.CartLimits;
import dev.shopstream.orders.order.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request bodies of the orders API. Amounts are in the currency's minor unit. */
public final class OrderRequests {

    /** The most one line may ask for; a cart's own maximum is configured and may be lower. */
    static final int MAX_QUANTITY = 1_000;

    /** The longest SKU code: catalog's {@code sku.code} is VARCHAR(64). */
    static final int MAX_SKU = 64;

    /** The longest product name: catalog's {@code product.name} is VARCHAR(200). */
    static final int MAX_PRODUCT_NAME = 200;

    /** An ISO 4217 currency code has three letters. */
    static final int MAX_CURRENCY = 3;

    /** The longest payment-method token: the prefix, an underscore and at most 250 characters (see Checkout). */
    static final int MAX_PAYMENT_METHOD_TOKEN = 255;

    static final int MAX_CARRIER = 100;
    static final int MAX_TRACKING_NUMBER = 100;
    static final int MAX_REASON = 500;

    /** The most one payment may take (the platform's largest amount), so no order total or refund is larger. */
    static final long MAX_AMOUNT_MINOR = Money.MAX_AMOUNT_MINOR;

    private OrderRequests() {
    }

    public record AddItem(@NotBlank @Size(max = MAX_SKU) @Schema(example = "MUG-RED-350") String sku,
                          @NotNull @Min(1) @Max(MAX_QUANTITY) @Schema(example = "2") Integer quantity) {
    }

    public record Quantity(@NotNull @Min(1) @Max(MAX_QUANTITY) @Schema(example = "3") Integer quantity) {
    }

    public record CartCurrency(@NotNull @CurrencyCode @Size(max = MAX_CURRENCY) @Schema(example = "USD")
                               String currency) {
    }

    public record Address(@NotBlank @Size(max = ShippingAddress.MAX_NAME) @Schema(example = "Erika Mustermann")
                          String name,
                          @NotBlank @Size(max = ShippingAddress.MAX_LINE) @Schema(example = "Hauptstraße 5")
                          String line1,
                          @Size(max = ShippingAddress.MAX_LINE) @Schema(example = "Hinterhaus, 2. OG")
                          String line2,
                          @NotBlank @Size(max = ShippingAddress.MAX_POSTAL_CODE)
                          @Pattern(regexp = "[A-Za-z0-9 -]{2,20}",
                                  message = "must be a postal code (letters, digits, spaces, hyphens)")
                          @Schema(example = "10115")
                          String postalCode,
                          @NotBlank @Size(max = ShippingAddress.MAX_CITY) @Schema(example = "Berlin") String city,
                          @NotNull @Size(max = ShippingAddress.MAX_COUNTRY)
                          @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
                          @Schema(example = "DE")
                          String country) {

        ShippingAddress toDomain() {
            return new ShippingAddress(name.strip(), line1.strip(), line2 == null || line2.isBlank() ? null
                    : line2.strip(), postalCode.strip(), city.strip(), country);
        }
    }

    /**
     * A checkout: the cart (no {@code lines}) or, for integrators, explicit lines in {@code currency}. Never a price:
     * catalog's prices at checkout apply.
     */
    @Schema(description = "What to buy and where it goes: leave out lines and currency to buy the caller's cart; "
            + "integrators send lines with their currency instead. Never a price: catalog's prices at checkout "
            + "apply.")
    public record Checkout(@NotNull @Valid Address shippingAddress,
                           @NotNull @Size(max = MAX_PAYMENT_METHOD_TOKEN)
                           @Pattern(regexp = "(pm|tok|card|src)_[A-Za-z0-9_]{1,250}",
                                   message = "must be a provider payment-method token such as pm_card_visa, "
                                           + "never card data")
                           @Schema(example = "pm_card_visa", description = "The payment provider's token for the "
                                   + "payment method, never card data")
                           String paymentMethodToken,
                           @Size(min = 1, max = CartLimits.MAX_LINES)
                           @Schema(description = "Explicit lines instead of the cart (a SKU named twice counts "
                                   + "once, with the quantities added up); requires currency")
                           List<@NotNull @Valid AddItem> lines,
                           @CurrencyCode @Size(max = MAX_CURRENCY)
                           @Schema(example = "EUR", description = "The currency of explicit lines; only with lines")
                           String currency) {

        @AssertTrue(message = "currency is required with lines, and only with them")
        @Schema(hidden = true)
        public boolean isCurrencyGivenWithLines() {
            return (lines == null) == (currency == null);
        }

        /** The lines by SKU, quantities of a SKU named twice added up. */
        Optional<Map<String, Integer>> linesBySku() {
            if (lines == null) {
                return Optional.empty();
            }
            Map<String, Integer> bySku = new LinkedHashMap<>();
            lines.forEach(line -> bySku.merge(line.sku(), line.quantity(), Math::addExact));
            return Optional.of(bySku);
        }
    }

    public record Cancellation(@Size(max = MAX_REASON) @Schema(example = "Ordered the wrong size") String reason) {
    }

    public record Shipment(@NotBlank @Size(max = MAX_CARRIER) @Schema(example = "DHL") String carrier,
                           @NotBlank @Size(max = MAX_TRACKING_NUMBER) @Schema(example = "00340434161234567890")
                           String trackingNumber) {
    }

    public record Refund(@NotNull @Positive @Max(MAX_AMOUNT_MINOR) @Schema(example = "1000") Long amountMinor,
                         @NotBlank @Size(max = MAX_REASON) @Schema(example = "Item arrived scratched")
                         String reason) {
    }
}
