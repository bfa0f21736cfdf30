package dev.shopstream.orders.order;

import dev.shopstream.commons.db.JsonColumns;
import dev.shopstream.commons.db.NullableUuidConverter;
import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's order, priced at checkout: its lines, totals in minor units (subtotal, shipping and tax as lines of
 * their own), where it goes and how it is paid. Its saga moves it from {@code PENDING} to confirmed or to the end of
 * a checkout that did not go through; staff then fulfil it or it is cancelled before it ships, and it may be
 * refunded, never beyond what was captured. Each method checks that the status allows it (else 409).
 */
@Entity
@Table(name = "customer_order")
public class Order {

    /**
     * The longest reason an order keeps for how it ended: room for an out-of-stock reason naming every line, while
     * a longer text from catalog or payments (or a cancellation's) is cut to it.
     */
    public static final int MAX_REASON = 8_000;

    @Id
    private UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false, length = 3)
    private String currency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @Column(name = "subtotal_minor", nullable = false)
    private long subtotalMinor;

    @Column(name = "shipping_minor", nullable = false)
    private long shippingMinor;

    @Column(name = "tax_minor", nullable = false)
    private long taxMinor;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "shipping_address", nullable = false)
    @Convert(converter = JsonColumns.StringMap.class)
    private Map<String, String> shippingAddress;

    @Column(name = "payment_method_token", nullable = false, updatable = false)
    private String paymentMethodToken;

    @Column(name = "payment_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID paymentId;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "captured_minor", nullable = false)
    private long capturedMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Order() {
    }

    /** A new order, {@code PENDING}, for lines priced at checkout. */
    public static Order place(UUID id, String customerId, String currency, List<OrderLine> lines, long shippingMinor,
                              long taxMinor, ShippingAddress address, String paymentMethodToken, Clock clock) {
        if (lines.isEmpty()) {
            throw new RuleViolationException("An order needs at least one line.");
        }
        Order order = new Order();
        order.id = id;
        order.customerId = customerId;
        order.status = OrderStatus.PENDING.name();
        order.currency = currency;
        order.lines = new ArrayList<>(lines);
        order.subtotalMinor = lines.stream().mapToLong(OrderLine::totalMinor).sum();
        order.shippingMinor = shippingMinor;
        order.taxMinor = taxMinor;
        order.totalMinor = Math.addExact(Math.addExact(order.subtotalMinor, shippingMinor), taxMinor);
        order.shippingAddress = address.toMap();
        order.paymentMethodToken = paymentMethodToken;
        order.createdAt = OffsetDateTime.now(clock);
        order.updatedAt = order.createdAt;
        return order;
    }

    /** The payment the saga opened for it. */
    public void paidWith(UUID paymentId, Clock clock) {
        this.paymentId = paymentId;
        touch(clock);
    }

    public void confirm(long capturedMinor, Clock clock) {
        move(OrderStatus.CONFIRMED, List.of(OrderStatus.PENDING), clock);
        this.capturedMinor = capturedMinor;
    }

    /** Not enough stock (or a SKU no longer for sale): the reason names what is missing. */
    public void reject(String reason, Clock clock) {
        move(OrderStatus.REJECTED, List.of(OrderStatus.PENDING), clock);
        failureReason = bounded(reason);
    }

    public void failPayment(String reason, Clock clock) {
        move(OrderStatus.PAYMENT_FAILED, List.of(OrderStatus.PENDING), clock);
        failureReason = bounded(reason);
    }

    /** Checks that the order may still be cancelled: confirmed, not yet shipped. */
    public void requireCancellable() {
        if (status() != OrderStatus.CONFIRMED && status() != OrderStatus.PACKED) {
            throw new StateConflictException("Order " + id + " is " + status().code()
                    + "; only a confirmed order that has not shipped can be cancelled.");
        }
    }

    public void cancel(String reason, Clock clock) {
        requireCancellable();
        move(OrderStatus.CANCELLED, List.of(OrderStatus.CONFIRMED, OrderStatus.PACKED), clock);
        failureReason = bounded(reason);
    }

    public void pack(Clock clock) {
        move(OrderStatus.PACKED, List.of(OrderStatus.CONFIRMED), clock);
    }

    public void ship(String carrier, String trackingNumber, Clock clock) {
        move(OrderStatus.SHIPPED, List.of(OrderStatus.PACKED), clock);
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
    }

    public void deliver(Clock clock) {
        move(OrderStatus.DELIVERED, List.of(OrderStatus.SHIPPED), clock);
    }

    /** What may still be refunded: what was captured and not yet refunded. */
    public long refundableMinor() {
        return capturedMinor - refundedMinor;
    }

    /** Checks a refund of {@code amountMinor}: positive, at most what is refundable, of a paid order. */
    public void requireRefundable(long amountMinor) {
        if (capturedMinor == 0) {
            throw new StateConflictException("Order " + id + " has taken no money; there is nothing to refund.");
        }
        if (amountMinor <= 0 || amountMinor > refundableMinor()) {
            throw new RuleViolationException("A refund of order " + id + " must be between 1 and "
                    + refundableMinor() + " (minor units); " + amountMinor + " is not.");
        }
    }

    public void refunded(long amountMinor, Clock clock) {
        requireRefundable(amountMinor);
        refundedMinor += amountMinor;
        touch(clock);
    }

    private void move(OrderStatus target, List<OrderStatus> allowedFrom, Clock clock) {
        if (!allowedFrom.contains(status())) {
            throw new StateConflictException("Order " + id + " is " + status().code() + " and cannot become "
                    + target.code() + ".");
        }
        status = target.name();
        touch(clock);
    }

    private static String bounded(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private void touch(Clock clock) {
        updatedAt = OffsetDateTime.now(clock);
    }

    public UUID id() {
        return id;
    }

    public long seq() {
        return seq;
    }

    public String customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return OrderStatus.valueOf(status);
    }

    public String currency() {
        return currency;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public long subtotalMinor() {
        return subtotalMinor;
    }

    public long shippingMinor() {
        return shippingMinor;
    }

    public long taxMinor() {
        return taxMinor;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public ShippingAddress shippingAddress() {
        return ShippingAddress.of(shippingAddress);
    }

    public String paymentMethodToken() {
        return paymentMethodToken;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public String failureReason() {
        return failureReason;
    }

    public long capturedMinor() {
        return capturedMinor;
    }

    public long refundedMinor() {
        return refundedMinor;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
