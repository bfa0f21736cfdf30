package dev.shopstream.admin.orders;

import dev.shopstream.admin.client.orders.StaffOrdersApi;
import dev.shopstream.admin.client.orders.model.OrderView;
import dev.shopstream.admin.services.ServiceCalls;
import dev.shopstream.admin.web.CursorPaging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.List;

/** Orders, newest first, filtered by state and customer, with cursor paging. */
@Named
@ViewScoped
public class Orders implements Serializable {

    private static final int PAGE_SIZE = 20;

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient StaffOrdersApi orders;

    private String status;
    private String customerId;
    private List<OrderView> page = List.of();
    private final CursorPaging paging = new CursorPaging();

    public void load() {
        calls.get("search orders", () -> orders.searchOrders(paging.cursor(), blankToNull(customerId), null, PAGE_SIZE, null,
                null, blankToNull(status), null)).ifPresent(found -> {
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public OrderView.StatusEnum[] getStatuses() {
        return OrderView.StatusEnum.values();
    }

    public List<OrderView> getPage() {
        return page;
    }

    public boolean isHasNext() {
        return paging.hasNext();
    }

    public boolean isHasPrevious() {
        return paging.hasPrevious();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }
}
