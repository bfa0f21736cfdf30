package dev.shopstream.orders.api;

import dev.shopstream.orders.cart.CartLimits;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderLine;
import dev.shopstream.orders.order.ShippingAddress;
import dev.shopstream.orders.saga.SagaStore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order as customers and staff read it; amounts in minor units of {@code currency}. */
@Schema(description = "An order as priced at checkout; amounts in the minor unit of its currency. Lists of orders "
        + "leave the timeline empty: read one order for it.")
public record OrderView(UUID id,
                        @Schema(enumeration = {"pending", "confirmed", "rejected", "payment_failed", "packed",
                                "shipped", "delivered", "cancelled"}) String status,
                        @Schema(maxLength = OrderRequests.MAX_CURRENCY, example = "EUR") String currency,
                        @Schema(maxItems = CartLimits.MAX_LINES) List<LineView> lines,
                        long subtotalMinor, long shippingMinor, long taxMinor, long totalMinor,
                        @Schema(description = "What the payment took") long capturedMinor,
                        @Schema(description = "What was given back of it") long refundedMinor,
                        ShippingAddress shippingAddress,
                        UUID paymentId,
                        @Schema(maxLength = Order.MAX_REASON, description = "Why the order was rejected, its "
                                + "payment failed or it was cancelled") String reason,
                        @Schema(maxLength = OrderRequests.MAX_CARRIER) String carrier,
                        @Schema(maxLength = OrderRequests.MAX_TRACKING_NUMBER) String trackingNumber,
                        @Schema(maxItems = SagaStore.MAX_TIMELINE, description = "Every attempt of the order's "
                                + "saga steps, oldest first (the latest " + SagaStore.MAX_TIMELINE + " of a "
                                + "longer one)") List<StepView> timeline,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    @Schema(name = "OrderLineView")
    public record LineView(@Schema(maxLength = OrderRequests.MAX_SKU) String sku,
                           UUID productId,
                           @Schema(maxLength = OrderRequests.MAX_PRODUCT_NAME) String productName,
                           int quantity, long unitPriceMinor, long totalMinor) {

        static LineView of(OrderLine line) {
            return new LineView(line.sku(), line.productId(), line.productName(), line.quantity(),
                    line.unitPriceMinor(), line.totalMinor());
        }
    }

    /** One attempt of a saga step: what it was, how it came out and when. */
    @Schema(description = "One attempt of a saga step: what it was, how it came out (none while it runs) and when")
    public record StepView(@Schema(enumeration = {"reserve_stock", "authorize_payment", "await_payment",
                                   "commit_stock", "capture_payment", "void_payment", "release_stock", "restock",
                                   "refund_payment"}) String step,
                           int attempt,
                           @Schema(enumeration = {"done", "refused", "unanswered", "waiting"}) String outcome,
                           @Schema(maxLength = SagaStore.MAX_DETAIL) String detail,
                           OffsetDateTime startedAt,
                           OffsetDateTime finishedAt) {

        static StepView of(SagaStore.Entry entry) {
            return new StepView(entry.step().code(), entry.attempt(), entry.outcome(), entry.detail(),
                    entry.startedAt(), entry.finishedAt());
        }
    }

    static OrderView of(Order order, List<SagaStore.Entry> timeline) {
        return new OrderView(order.id(), order.status().code(), order.currency(),
                order.lines().stream().map(LineView::of).toList(), order.subtotalMinor(), order.shippingMinor(),
                order.taxMinor(), order.totalMinor(), order.capturedMinor(), order.refundedMinor(),
                order.shippingAddress(), order.paymentId(), order.failureReason(), order.carrier(),
                order.trackingNumber(), timeline.stream().map(StepView::of).toList(), order.createdAt(),
                order.updatedAt());
    }
}
