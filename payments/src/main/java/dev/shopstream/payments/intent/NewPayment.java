package dev.shopstream.payments.intent;

import dev.shopstream.commons.money.Money;

/** What the orders service asks to be paid: an order's amount, by a customer, with a payment-method token. */
public record NewPayment(String orderId, String customerId, Money amount, String paymentMethodToken) {
}
