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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product as staff send it: the body of {@code POST /api/products} and {@code PUT /api/products/{id}}, and one
 * product of a CSV import. On create, a missing slug is made from the name and a missing status means active; a
 * replacement ({@link Replacement}) must name both.
 */
public record ProductInput(
        @NotBlank @Size(max = ProductInput.NAME_MAX_LENGTH) @Schema(example = "Aurora electric kettle 1.7 l")
        String name,
        @Size(max = ProductInput.DESCRIPTION_MAX_LENGTH)
        @Schema(example = "Brushed steel, boils 1.7 litres in four minutes, switches off when dry.")
        String description,
        @NotEmpty @Size(max = ProductInput.MAX_PRICES)
        @Schema(description = "One per currency (two in one currency → 422)", example = """
                [{"amountMinor": 4999, "currency": "EUR"}, {"amountMinor": 5499, "currency": "USD"}]""")
        List<@NotNull @Valid Money> prices,
        @NotNull(groups = Replacement.class) @Size(max = ProductInput.SLUG_MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
        @Schema(description = "Unique (taken → 409); made from the name when a create leaves it out",
                example = "aurora-kettle")
        String slug,
        @NotNull(groups = Replacement.class)
        @Schema(description = "DRAFT or ACTIVE, ACTIVE when a create leaves it out; ARCHIVED → 422 (archive "
                + "with POST /api/products/{id}/archive)")
        ProductStatus status,
        @Schema(description = "A live category (unknown or archived → 422); absent for none") UUID categoryId,
        @Size(max = ProductInput.MAX_ATTRIBUTES) @Schema(example = """
                {"colour": "blue", "material": "steel"}""")
        Map<@AttributeConstraints.Key String, @AttributeConstraints.Value String> attributes,
        @Size(max = ProductInput.MAX_IMAGE_URLS) @Schema(example = """
                ["https://images.shopstream.dev/aurora-kettle-blue.jpg"]""")
        List<@NotNull @Size(max = ProductInput.IMAGE_URL_MAX_LENGTH)
                @Pattern(regexp = "https://\\S+", message = "must be an https URL") String> imageUrls) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 4000;
    public static final int SLUG_MAX_LENGTH = 160;
    public static final int MAX_PRICES = 20;
    public static final int MAX_ATTRIBUTES = 30;
    public static final int MAX_IMAGE_URLS = 10;
    public static final int IMAGE_URL_MAX_LENGTH = 2000;

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
