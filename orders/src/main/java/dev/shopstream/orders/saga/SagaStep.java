package dev.shopstream.orders.saga;

import java.util.Locale;

/**
 * The steps of an order's saga. Forward: reserve stock, authorize the payment (and, when the customer must confirm
 * it, await the outcome), commit the stock, capture. Compensating: void the payment, release the reservation, put
 * sold stock back, refund. A forward step that keeps failing for lack of an answer gives up after the configured
 * attempts and compensates; a compensating step never gives up (a saga that cannot finish is stuck, for staff).
 */
public enum SagaStep {
    RESERVE_STOCK, AUTHORIZE_PAYMENT, AWAIT_PAYMENT, COMMIT_STOCK, CAPTURE_PAYMENT,
    VOID_PAYMENT, RELEASE_STOCK, RESTOCK, REFUND_PAYMENT;

    public boolean compensates() {
        return ordinal() >= VOID_PAYMENT.ordinal();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
