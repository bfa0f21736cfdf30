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

/** The body of {@code PUT /api/products/{id}}: the product's complete staff-editable details. */
public record ProductChange(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotNull @Valid Money price,
        @NotNull @Size(max = 160) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
        String slug,
        @NotNull ProductStatus status,
        UUID categoryId) {

    ProductDetails toDetails() {
        return new ProductDetails(slug, status, categoryId, name, description, price);
    }
}
