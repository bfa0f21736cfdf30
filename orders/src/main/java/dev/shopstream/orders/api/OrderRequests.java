package dev.shopstream.orders.api;

import dev.shopstream.commons.money.CurrencyCode;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request bodies of the orders API. Amounts are in the currency's minor unit. */
public final class OrderRequests {

    /** The most one line may ask for; a cart's own maximum is configured and may be lower. */
    static final int MAX_QUANTITY = 1_000;

    private OrderRequests() {
    }

    public record AddItem(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    public record Quantity(@NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    public record CartCurrency(@NotNull @CurrencyCode String currency) {
    }

    public record Address(@NotBlank @Size(max = 200) String name,
                          @NotBlank @Size(max = 200) String line1,
                          @Size(max = 200) String line2,
                          @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]{2,20}",
                                  message = "must be a postal code (letters, digits, spaces, hyphens)")
                          String postalCode,
                          @NotBlank @Size(max = 100) String city,
                          @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
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
    public record Checkout(@NotNull @Valid Address shippingAddress,
                           @NotNull @Pattern(regexp = "(pm|tok|card|src)_[A-Za-z0-9_]{1,250}",
                                   message = "must be a provider payment-method token such as pm_card_visa, "
                                           + "never card data")
                           String paymentMethodToken,
                           @Size(min = 1, max = 50) List<@NotNull @Valid AddItem> lines,
                           @CurrencyCode String currency) {

        @AssertTrue(message = "currency is required with lines, and only with them")
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

    public record Cancellation(@Size(max = 500) String reason) {
    }

    public record Shipment(@NotBlank @Size(max = 100) String carrier,
                           @NotBlank @Size(max = 100) String trackingNumber) {
    }

    public record Refund(@NotNull @Positive @Max(100_000_000_000L) Long amountMinor,
                         @NotBlank @Size(max = 500) String reason) {
    }
}
