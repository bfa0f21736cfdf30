package dev.shopstream.admin.orders;

import dev.shopstream.admin.client.orders.StaffOrdersApi;
import dev.shopstream.admin.client.orders.model.Cancellation;
import dev.shopstream.admin.client.orders.model.OrderView;
import dev.shopstream.admin.client.orders.model.Refund;
import dev.shopstream.admin.services.ServiceCalls;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.UUID;

/**
 * One order with its saga timeline; admins cancel it, refund part of it or retry a stuck saga. Each refund carries
 * an Idempotency-Key kept until it succeeds, so pressing the button twice refunds once.
 */
@Named
@ViewScoped
public class OrderDetail implements Serializable {

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient StaffOrdersApi orders;

    private UUID id;
    private OrderView order;

    @NotNull
    @Min(1)
    private Long refundMinor;
    @NotBlank
    @Size(max = 500)
    private String refundReason;
    private String refundKey = UUID.randomUUID().toString();

    @NotBlank
    @Size(max = 500)
    private String cancelReason;

    public void load() {
        if (id != null) {
            calls.get("read the order", () -> orders.getOrder(id)).ifPresent(found -> order = found);
        }
    }

    public void refund() {
        Refund refund = new Refund().amountMinor(refundMinor).reason(refundReason);
        calls.get("refund the order", () -> orders.refundOrder(id, refundKey, refund)).ifPresent(updated -> {
            order = updated;
            calls.done("Refund of " + refundMinor + " (minor units) requested.");
            refundMinor = null;
            refundReason = null;
            refundKey = UUID.randomUUID().toString();
        });
    }

    public void cancel() {
        calls.get("cancel the order", () -> orders.cancelOrder(id, new Cancellation().reason(cancelReason)))
                .ifPresent(updated -> {
                    order = updated;
                    calls.done("Cancellation requested.");
                    cancelReason = null;
                });
    }

    public void retry() {
        calls.get("retry the saga", () -> orders.retryOrderSaga(id)).ifPresent(updated -> {
            order = updated;
            calls.done("The saga will be retried now.");
        });
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public OrderView getOrder() {
        return order;
    }

    public Long getRefundMinor() {
        return refundMinor;
    }

    public void setRefundMinor(Long refundMinor) {
        this.refundMinor = refundMinor;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public void setRefundReason(String refundReason) {
        this.refundReason = refundReason;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }
}
