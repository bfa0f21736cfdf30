package dev.shopstream.catalog.inventory;

import dev.shopstream.catalog.product.AttributeConstraints;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.UUID;

/**
 * A SKU as staff add it: the body of {@code POST /api/skus}, and the SKU of one CSV import row. Its constraints are
 * checked the same way on both paths.
 */
public record NewSku(@NotNull UUID productId,
                     @NotNull @Size(max = 64) @Pattern(regexp = NewSku.CODE) String code,
                     @NotNull @PositiveOrZero @Max(1_000_000_000) Integer onHand,
                     @PositiveOrZero @Max(1_000_000_000) Integer lowStockThreshold,
                     @Size(max = 10)
                     Map<@AttributeConstraints.Key String, @AttributeConstraints.Value String> attributes) {

    /** Letters, digits, dots, hyphens and underscores, starting with a letter or digit. */
    public static final String CODE = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
}
