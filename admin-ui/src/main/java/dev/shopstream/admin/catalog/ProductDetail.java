package dev.shopstream.admin.catalog;

import dev.shopstream.admin.client.catalog.InventoryApi;
import dev.shopstream.admin.client.catalog.ProductsApi;
import dev.shopstream.admin.client.catalog.ProductsStaffApi;
import dev.shopstream.admin.client.catalog.model.NewSku;
import dev.shopstream.admin.client.catalog.model.ProductInput;
import dev.shopstream.admin.client.catalog.model.ProductStatus;
import dev.shopstream.admin.client.catalog.model.ProductView;
import dev.shopstream.admin.client.catalog.model.PublicSkuView;
import dev.shopstream.admin.client.catalog.model.StockAdjustment;
import dev.shopstream.admin.client.catalog.model.StockView;
import dev.shopstream.admin.services.ServiceCalls;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One product as staff see it, with the stock of each of its SKUs; admins edit its details and prices, add a SKU
 * and adjust a SKU's stock (received goods, write-offs). An edit is sent with the version it was made on (If-Match),
 * so an edit over someone else's newer one is refused ("changed by someone else — reload") and loses nothing. Stock
 * changes carry an Idempotency-Key, so a double click changes the stock once.
 */
@Named
@ViewScoped
public class ProductDetail implements Serializable {

    /** The stock of at most this many SKUs is read for the page; the rest are listed by code. */
    private static final int STOCK_SHOWN = 50;

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient ProductsStaffApi staffProducts;

    @Inject
    @RestClient
    transient ProductsApi products;

    @Inject
    @RestClient
    transient InventoryApi inventory;

    private UUID id;
    private ProductView product;
    private List<StockView> skus = List.of();

    @NotBlank
    @Size(max = 200)
    private String editName;
    @Size(max = 5000)
    private String editDescription;
    @NotNull
    private ProductStatus editStatus;
    @Valid
    private List<PriceRow> editPrices = new ArrayList<>();

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, dots, dashes and underscores")
    private String newSkuCode;
    @NotNull
    @Min(0)
    @Max(1_000_000)
    private Integer newSkuOnHand;
    private String skuKey = UUID.randomUUID().toString();

    @NotBlank
    @Size(max = 64)
    private String stockSku;
    @NotNull
    @Min(-1_000_000)
    @Max(1_000_000)
    private Integer stockDelta;
    @NotBlank
    @Size(max = 200)
    private String stockReason;
    private String stockKey = UUID.randomUUID().toString();

    public void load() {
        if (id == null) {
            return;
        }
        calls.get("read the product", () -> staffProducts.getStaffProduct(id)).ifPresent(found -> {
            shown(found);
            skus = product.getStatus() == ProductStatus.ACTIVE ? stockOfSkus() : List.of();
        });
    }

    private void shown(ProductView found) {
        product = found;
        editName = found.getName();
        editDescription = found.getDescription();
        editStatus = found.getStatus();
        editPrices = new ArrayList<>(found.getPrices().stream().map(PriceRow::of).toList());
    }

    /** Saves the edited details over the version they were made on; slug, category, attributes and images stay. */
    public void save() {
        ProductInput input = new ProductInput().name(editName).description(editDescription).status(editStatus)
                .slug(product.getSlug()).categoryId(product.getCategoryId()).attributes(product.getAttributes())
                .imageUrls(product.getImageUrls())
                .prices(editPrices.stream().filter(PriceRow::isFilled).map(PriceRow::toMoney).toList());
        String version = "\"" + product.getVersion() + "\"";
        calls.get("save the product", () -> products.replaceProduct(id, version, input)).ifPresent(saved -> {
            shown(saved);
            calls.done("Saved " + saved.getName() + ".");
        });
    }

    /** One more row for a price in another currency. */
    public void addPrice() {
        editPrices.add(new PriceRow(null, null));
    }

    /** The SKUs are listed on the product's public page (active products only), their stock by the inventory API. */
    private List<StockView> stockOfSkus() {
        List<PublicSkuView> listed = calls.get("list the product's SKUs", () -> products.getProduct(id, null))
                .map(page -> page.getSkus() == null ? List.<PublicSkuView>of() : page.getSkus()).orElse(List.of());
        List<StockView> stock = new ArrayList<>();
        for (PublicSkuView sku : listed) {
            stock.add(stock.size() < STOCK_SHOWN
                    ? calls.get("read the stock of " + sku.getCode(), () -> inventory.getSkuStock(sku.getCode()))
                    .orElse(new StockView().sku(sku.getCode()))
                    : new StockView().sku(sku.getCode()));
        }
        return stock;
    }

    public void addSku() {
        NewSku sku = new NewSku().productId(id).code(newSkuCode).onHand(newSkuOnHand);
        calls.get("add SKU " + newSkuCode, () -> inventory.createSku(sku, skuKey)).ifPresent(created -> {
            calls.done("Added SKU " + created.getSku() + " with " + created.getOnHand() + " on hand.");
            newSkuCode = null;
            newSkuOnHand = null;
            skuKey = UUID.randomUUID().toString();
            load();
        });
    }

    public void adjustStock() {
        StockAdjustment adjustment = new StockAdjustment().delta(stockDelta).reason(stockReason);
        calls.get("adjust the stock of " + stockSku, () -> inventory.adjustSkuStock(stockSku, stockKey, adjustment))
                .ifPresent(stock -> {
                    calls.done(stock.getSku() + ": " + stock.getOnHand() + " on hand, "
                            + stock.getAvailable() + " available.");
                    stockDelta = null;
                    stockReason = null;
                    stockKey = UUID.randomUUID().toString();
                    load();
                });
    }

    public ProductStatus[] getStatuses() {
        return new ProductStatus[] {ProductStatus.DRAFT, ProductStatus.ACTIVE};
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditDescription() {
        return editDescription;
    }

    public void setEditDescription(String editDescription) {
        this.editDescription = editDescription;
    }

    public ProductStatus getEditStatus() {
        return editStatus;
    }

    public void setEditStatus(ProductStatus editStatus) {
        this.editStatus = editStatus;
    }

    public List<PriceRow> getEditPrices() {
        return editPrices;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public ProductView getProduct() {
        return product;
    }

    public List<StockView> getSkus() {
        return skus;
    }

    public String getNewSkuCode() {
        return newSkuCode;
    }

    public void setNewSkuCode(String newSkuCode) {
        this.newSkuCode = newSkuCode;
    }

    public Integer getNewSkuOnHand() {
        return newSkuOnHand;
    }

    public void setNewSkuOnHand(Integer newSkuOnHand) {
        this.newSkuOnHand = newSkuOnHand;
    }

    public String getStockSku() {
        return stockSku;
    }

    public void setStockSku(String stockSku) {
        this.stockSku = stockSku;
    }

    public Integer getStockDelta() {
        return stockDelta;
    }

    public void setStockDelta(Integer stockDelta) {
        this.stockDelta = stockDelta;
    }

    public String getStockReason() {
        return stockReason;
    }

    public void setStockReason(String stockReason) {
        this.stockReason = stockReason;
    }
}
