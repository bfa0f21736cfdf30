package dev.shopstream.admin.catalog;

import dev.shopstream.admin.client.catalog.ProductsApi;
import dev.shopstream.admin.client.catalog.ProductsStaffApi;
import dev.shopstream.admin.client.catalog.model.Money;
import dev.shopstream.admin.client.catalog.model.ProductInput;
import dev.shopstream.admin.client.catalog.model.ProductStatus;
import dev.shopstream.admin.client.catalog.model.ProductView;
import dev.shopstream.admin.services.ServiceCalls;
import dev.shopstream.admin.web.CursorPaging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The product list (every status, newest first, cursor paging) and creating a product (admins), which then opens
 * for its SKUs. Creating carries an Idempotency-Key, so a double click creates one product.
 */
@Named
@ViewScoped
public class Products implements Serializable {

    private static final int PAGE_SIZE = 20;

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient ProductsStaffApi staffProducts;

    @Inject
    @RestClient
    transient ProductsApi products;

    private ProductStatus status;
    private List<ProductView> page = List.of();
    private final CursorPaging paging = new CursorPaging();

    @NotBlank
    @Size(max = 200)
    private String newName;
    @Size(max = 5000)
    private String newDescription;
    @NotNull
    @Min(0)
    private Long newPriceMinor;
    @NotBlank
    @Pattern(regexp = "[A-Z]{3}", message = "a three-letter currency code, such as EUR")
    private String newCurrency = "EUR";
    private String idempotencyKey = UUID.randomUUID().toString();

    public void load() {
        calls.get("list products", () -> staffProducts.listStaffProducts(null, paging.cursor(), PAGE_SIZE, status))
                .ifPresent(found -> {
                    page = found.getItems() == null ? List.of() : found.getItems();
                    paging.shown(found.getNextCursor());
                });
    }

    public void filter() {
        paging.first();
        load();
    }

    public void next() {
        paging.next();
        load();
    }

    public void previous() {
        paging.previous();
        load();
    }

    /** Creates the product and opens its page, where its SKUs are added; stays here when it was refused. */
    public String create() {
        ProductInput input = new ProductInput().name(newName).description(newDescription)
                .prices(List.of(new Money().amountMinor(newPriceMinor).currency(newCurrency)))
                .status(ProductStatus.ACTIVE);
        return calls.get("create the product", () -> products.createProduct(input, idempotencyKey))
                .map(created -> {
                    calls.doneAfterRedirect("Created " + created.getName() + ": add its SKUs here.");
                    return "/catalog/product?faces-redirect=true&id=" + created.getId();
                }).orElse(null);
    }

    public List<ProductView> getPage() {
        return page;
    }

    public boolean isHasNext() {
        return paging.hasNext();
    }

    public boolean isHasPrevious() {
        return paging.hasPrevious();
    }

    public ProductStatus[] getStatuses() {
        return ProductStatus.values();
    }

    public ProductStatus getStatus() {
        return status;
    }

    public void setStatus(ProductStatus status) {
        this.status = status;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public Long getNewPriceMinor() {
        return newPriceMinor;
    }

    public void setNewPriceMinor(Long newPriceMinor) {
        this.newPriceMinor = newPriceMinor;
    }

    public String getNewCurrency() {
        return newCurrency;
    }

    public void setNewCurrency(String newCurrency) {
        this.newCurrency = newCurrency;
    }
}
