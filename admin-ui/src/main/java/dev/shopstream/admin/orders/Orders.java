package dev.shopstream.admin.orders;

import dev.shopstream.admin.client.orders.StaffOrdersApi;
import dev.shopstream.admin.client.orders.model.OrderView;
import dev.shopstream.admin.services.ServiceCalls;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
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
    private String cursor;
    private String nextCursor;
    private final Deque<String> previousCursors = new ArrayDeque<>();

    public void load() {
        calls.get("search orders", () -> orders.searchOrders(cursor, blankToNull(customerId), null, PAGE_SIZE, null,
                null, blankToNull(status), null)).ifPresent(found -> {
                    page = found.getItems() == null ? List.of() : found.getItems();
                    nextCursor = found.getNextCursor();
                });
    }

    public void filter() {
        cursor = null;
        previousCursors.clear();
        load();
    }

    public void next() {
        previousCursors.push(cursor == null ? "" : cursor);
        cursor = nextCursor;
        load();
    }

    public void previous() {
        String previous = previousCursors.isEmpty() ? "" : previousCursors.pop();
        cursor = previous.isEmpty() ? null : previous;
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
        return nextCursor != null;
    }

    public boolean isHasPrevious() {
        return !previousCursors.isEmpty();
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
