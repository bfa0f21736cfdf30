package dev.shopstream.orders.api;

import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderLine;
import dev.shopstream.orders.order.ShippingAddress;
import dev.shopstream.orders.saga.SagaStore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order as customers and staff read it; amounts in minor units of {@code currency}. */
public record OrderView(UUID id,
                        @Schema(enumeration = {"pending", "confirmed", "rejected", "payment_failed", "packed",
                                "shipped", "delivered", "cancelled"}) String status,
                        String currency, List<LineView> lines, long subtotalMinor, long shippingMinor, long taxMinor,
                        long totalMinor, long capturedMinor, long refundedMinor, ShippingAddress shippingAddress,
                        UUID paymentId, String reason, String carrier, String trackingNumber,
                        List<StepView> timeline, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record LineView(String sku, UUID productId, String productName, int quantity, long unitPriceMinor,
                           long totalMinor) {

        static LineView of(OrderLine line) {
            return new LineView(line.sku(), line.productId(), line.productName(), line.quantity(),
                    line.unitPriceMinor(), line.totalMinor());
        }
    }

    /** One attempt of a saga step: what it was, how it came out and when. */
    public record StepView(String step, int attempt, String outcome, String detail, OffsetDateTime startedAt,
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
