package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;
import dev.shopstream.commons.web.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product as staff send it: the body of {@code POST /api/products} and {@code PUT /api/products/{id}}, and one
 * product of a CSV import. On create, a missing slug is made from the name and a missing status means active; a
 * replacement ({@link Replacement}) must name both.
 */
public record ProductInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Money> prices,
        @NotNull(groups = Replacement.class) @Size(max = 160)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens") String slug,
        @NotNull(groups = Replacement.class) ProductStatus status,
        UUID categoryId,
        @Size(max = 30) Map<@AttributeConstraints.Key String, @AttributeConstraints.Value String> attributes,
        @Size(max = 10) List<@NotNull @Size(max = 2000)
                @Pattern(regexp = "https://\\S+", message = "must be an https URL") String> imageUrls) {

    /** Validation group of a full replacement (PUT): everything a create may leave out must be given. */
    public interface Replacement extends Default {
    }

    public ProductDetails toDetails() {
        return new ProductDetails(slug != null ? slug : generatedSlug(), status != null ? status : ProductStatus.ACTIVE,
                categoryId, name, description, prices, attributes, imageUrls);
    }

    /** The name's slug plus a random suffix, so that two products with the same name still get distinct slugs. */
    private String generatedSlug() {
        String base = Slugs.of(name);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return (base.isEmpty() ? "product" : base.substring(0, Math.min(base.length(), 150)).replaceAll("-$", ""))
                + "-" + suffix;
    }
}
