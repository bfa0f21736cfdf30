package dev.shopstream.catalog.inventory;

import dev.shopstream.catalog.product.AttributeConstraints;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

/**
 * A SKU as staff add it: the body of {@code POST /api/skus}, and the SKU of one CSV import row. Its constraints are
 * checked the same way on both paths.
 */
public record NewSku(@NotNull UUID productId,
                     @NotNull @Size(max = NewSku.CODE_MAX_LENGTH) @Pattern(regexp = NewSku.CODE)
                     @Schema(description = "Unique across the catalogue (taken → 409)", example = "AURORA-BLUE-17")
                     String code,
                     @NotNull @PositiveOrZero @Max(StockLevel.MAX_ON_HAND) @Schema(example = "120") Integer onHand,
                     @PositiveOrZero @Max(StockLevel.MAX_ON_HAND)
                     @Schema(description = "A low-stock alert goes out when the available quantity falls to it or "
                             + "below; 0 when absent", example = "10")
                     Integer lowStockThreshold,
                     @Size(max = NewSku.MAX_ATTRIBUTES)
                     @Schema(description = "What sets this variant apart", example = """
                             {"colour": "blue"}""")
                     Map<@AttributeConstraints.Key String, @AttributeConstraints.Value String> attributes) {

    /** Letters, digits, dots, hyphens and underscores, starting with a letter or digit. */
    public static final String CODE = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    /** The longest SKU code (the {@code sku.code} column). */
    public static final int CODE_MAX_LENGTH = 64;

    /** The most variant attributes a SKU has. */
    public static final int MAX_ATTRIBUTES = 10;
}
