package dev.shopstream.admin.payments;

import dev.shopstream.admin.client.payments.PaymentIntentsApi;
import dev.shopstream.admin.client.payments.model.IntentView;
import dev.shopstream.admin.client.payments.model.PaymentStatus;
import dev.shopstream.admin.services.ServiceCalls;
import dev.shopstream.admin.web.CursorPaging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.List;

/**
 * Payments, newest first, by order (also as {@code ?orderId=}, so an order's page can link here), customer and
 * status, with cursor paging.
 */
@Named
@ViewScoped
public class Payments implements Serializable {

    private static final int PAGE_SIZE = 20;

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient PaymentIntentsApi intents;

    @Size(max = 100)
    private String orderId;
    @Size(max = 255)
    private String customerId;
    private PaymentStatus status;
    private List<IntentView> page = List.of();
    private final CursorPaging paging = new CursorPaging();

    public void load() {
        calls.get("list payments", () -> intents.listPaymentIntents(paging.cursor(), blankToNull(customerId), PAGE_SIZE,
                blankToNull(orderId), status)).ifPresent(found -> {
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

    public List<IntentView> getPage() {
        return page;
    }

    public boolean isHasNext() {
        return paging.hasNext();
    }

    public boolean isHasPrevious() {
        return paging.hasPrevious();
    }

    public PaymentStatus[] getStatuses() {
        return PaymentStatus.values();
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public void setStatus(PaymentStatus status) {
        this.status = status;
    }
}
