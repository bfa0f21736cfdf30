package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.search.SkuOffers;
import dev.shopstream.commons.money.CurrencyCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;

/** SKU offers for the orders service, which prices carts and checkouts from them. */
@Path("/offers")
@Tag(name = "Inventory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class OfferResource {

    @Inject
    SkuOffers offers;

    @GET
    @RolesAllowed({"service", "admin", "support"})
    @Operation(operationId = "listSkuOffers", summary = "Look up what SKUs are offered at",
            description = "For the orders service (service token) and staff (admin, support). For each SKU that "
                    + "exists: its product, whether it is on sale (an archived SKU or a product that is not active "
                    + "is not), the product's price in currency (absent when it has none) and the quantity available "
                    + "now. Unknown SKUs are left out. At most " + SkuOffers.MAX_SKUS + " SKUs.")
    @APIResponse(responseCode = "200", description = "The offers, in SKU-code order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SkuOffers.Offer.class,
                    maxItems = SkuOffers.MAX_SKUS)))
    public List<SkuOffers.Offer> find(
            @Parameter(description = "A SKU code; repeat for several", required = true)
            @QueryParam("sku") @NotEmpty @Size(max = SkuOffers.MAX_SKUS)
            List<@NotNull @Size(max = NewSku.CODE_MAX_LENGTH) String> skus,
            @Parameter(description = "ISO 4217 code of the buyer's currency", required = true, example = "EUR")
            @QueryParam("currency") @NotNull @CurrencyCode @Size(max = 3) String currency) {
        return offers.find(new LinkedHashSet<>(skus), currency);
    }
}
