package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.ProductDetails;
import dev.shopstream.catalog.product.ProductStatus;
import dev.shopstream.commons.money.Money;
import dev.shopstream.commons.web.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The body of {@code POST /api/products}. Without a slug one is made from the name; without a status the product
 * is active at once.
 */
public record NewProduct(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotNull @Valid Money price,
        @Size(max = 160) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
        String slug,
        ProductStatus status,
        UUID categoryId) {

    ProductDetails toDetails() {
        return new ProductDetails(slug != null ? slug : generatedSlug(), status != null ? status : ProductStatus.ACTIVE,
                categoryId, name, description, price);
    }

    /** The name's slug plus a random suffix, so that two products with the same name still get distinct slugs. */
    private String generatedSlug() {
        String base = Slugs.of(name);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return (base.isEmpty() ? "product" : base.substring(0, Math.min(base.length(), 150)).replaceAll("-$", ""))
                + "-" + suffix;
    }
}
