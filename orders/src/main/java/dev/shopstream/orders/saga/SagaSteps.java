package dev.shopstream.orders.saga;

import dev.shopstream.orders.catalog.CatalogApi;
import dev.shopstream.orders.catalog.Offer;
import dev.shopstream.orders.catalog.Offers;
import dev.shopstream.orders.catalog.StockReservations;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderLine;
import dev.shopstream.orders.payments.Payment;
import dev.shopstream.orders.payments.Payments;
import dev.shopstream.orders.remote.RemoteUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs one attempt of a saga step against catalog or payments, outside any transaction, and says what came of it.
 * Every call is idempotent (the order id, or a key derived from the order and the step), so an attempt repeated
 * after a crash or a lost answer does its work once.
 */
@ApplicationScoped
public class SagaSteps {

    private static final Logger LOG = Logger.getLogger(SagaSteps.class.getName());

    @Inject
    StockReservations reservations;

    @Inject
    Offers offers;

    @Inject
    Payments payments;

    @Inject
    @ConfigProperty(name = "shopstream.orders.reservation-ttl", defaultValue = "PT15M")
    Duration reservationTtl;

    @Inject
    @ConfigProperty(name = "shopstream.orders.payment-confirmation-timeout", defaultValue = "PT10M")
    Duration confirmationTimeout;

    public StepResult run(SagaStore.Claim claim, Order order) {
        try {
            return switch (claim.step()) {
                case RESERVE_STOCK -> reserve(order);
                case AUTHORIZE_PAYMENT -> authorize(order);
                case AWAIT_PAYMENT -> await(order, claim.deadline());
                case COMMIT_STOCK -> reservations.commit(order.id().toString())
                        .<StepResult>map(refusal -> new StepResult.Refused(refusal, null))
                        .orElse(StepResult.Done.plain("Stock committed"));
                case CAPTURE_PAYMENT -> capture(order);
                case VOID_PAYMENT -> voidPayment(order);
                case RELEASE_STOCK -> release(order);
                case RESTOCK -> {
                    reservations.restock(order.id().toString(), lines(order));
                    yield StepResult.Done.plain("Sold stock put back");
                }
                case REFUND_PAYMENT -> refund(order, claim.reason());
            };
        } catch (RemoteUnavailableException | FaultToleranceException e) {
            return new StepResult.Unanswered(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Step " + claim.step() + " of order " + order.id() + " failed", e);
            return new StepResult.Unanswered("Unexpected failure: " + e);
        }
    }

    private StepResult reserve(Order order) {
        return reservations.reserve(order.id().toString(), lines(order), reservationTtl)
                .<StepResult>map(refusal -> new StepResult.Refused(missing(order, refusal), null))
                .orElse(StepResult.Done.plain("Stock reserved"));
    }

    /** Names every line catalog cannot give now; catalog's own reason when it cannot be asked. */
    private String missing(Order order, String refusal) {
        try {
            Map<String, Offer> offered = offers.of(order.lines().stream().map(OrderLine::sku).toList(),
                    order.currency());
            String missing = order.lines().stream()
                    .filter(line -> available(offered.get(line.sku())) < line.quantity())
                    .map(line -> line.sku() + " (" + line.quantity() + " wanted, "
                            + available(offered.get(line.sku())) + " available)")
                    .collect(Collectors.joining(", "));
            return missing.isEmpty() ? refusal : "Out of stock: " + missing;
        } catch (RemoteUnavailableException | FaultToleranceException e) {
            return refusal;
        }
    }

    private static int available(Offer offer) {
        return offer == null || !offer.onSale() ? 0 : offer.available();
    }

    private StepResult authorize(Order order) {
        Payment payment = payments.authorize(order.id().toString(), order.customerId(), order.totalMinor(),
                order.currency(), order.paymentMethodToken());
        return outcome(payment, Instant.now().plus(confirmationTimeout));
    }

    private StepResult await(Order order, Instant deadline) {
        Payment payment = payments.find(order.paymentId());
        if (payment.awaitsCustomer() && !Instant.now().isBefore(deadline)) {
            return new StepResult.Refused("The payment was not confirmed within " + confirmationTimeout, payment.id());
        }
        return outcome(payment, deadline);
    }

    private static StepResult outcome(Payment payment, Instant waitUntil) {
        if (payment.isRefused()) {
            return new StepResult.Refused(payment.refusal(), null);
        }
        if (payment.isAuthorized()) {
            return new StepResult.Done("Payment authorized", payment.id(), 0);
        }
        if (payment.hasFailed()) {
            return new StepResult.Refused(payment.failureReason(), payment.id());
        }
        if (payment.awaitsCustomer()) {
            return new StepResult.Waiting("Payment " + payment.status(), payment.id(), waitUntil);
        }
        return new StepResult.Unanswered("Payment is " + payment.status());
    }

    /**
     * Captures the authorization. A refusal because the payment is captured already is the answer an earlier attempt
     * lost (orders was killed while payments captured): the step is done.
     */
    private StepResult capture(Order order) {
        Payment payment = payments.capture(order.paymentId(), order.id().toString());
        if (payment.isRefused()) {
            Payment current = payments.find(order.paymentId());
            if (!current.isCaptured()) {
                return new StepResult.Refused(payment.refusal(), null);
            }
            payment = current;
        }
        return payment.isCaptured()
                ? new StepResult.Done("Captured " + payment.capturedMinor(), null, payment.capturedMinor())
                : new StepResult.Unanswered("Capture is pending: payment is " + payment.status());
    }

    /** A payment that failed, was voided or never opened needs no void; one that was captured is refunded. */
    private StepResult voidPayment(Order order) {
        if (order.paymentId() == null) {
            return StepResult.Done.plain("No payment to void");
        }
        Payment voided = payments.voidAuthorization(order.paymentId(), order.id().toString());
        if (!voided.isRefused()) {
            return StepResult.Done.plain("Payment voided");
        }
        Payment payment = payments.find(order.paymentId());
        if ("voided".equals(payment.status()) || payment.hasFailed()) {
            return StepResult.Done.plain("Payment is " + payment.status());
        }
        if (payment.isCaptured()) {
            long refundable = payment.capturedMinor() - payment.refundedMinor();
            Payment refunded = payments.refund(order.paymentId(), order.id().toString(), "refund-void", refundable,
                    order.currency(), "Order " + order.id() + " did not go through");
            return refunded.isRefused() ? new StepResult.Unanswered(refunded.refusal())
                    : StepResult.Done.plain("Captured payment refunded");
        }
        return new StepResult.Unanswered("Void refused: " + voided.refusal());
    }

    /** Gives reserved stock back; stock already sold (the reservation was committed) is put back on hand. */
    private StepResult release(Order order) {
        if (reservations.release(order.id().toString()).isEmpty()) {
            return StepResult.Done.plain("Reservation released");
        }
        reservations.restock(order.id().toString(), lines(order));
        return StepResult.Done.plain("Sold stock put back");
    }

    private StepResult refund(Order order, String reason) {
        long refundable = order.refundableMinor();
        if (refundable == 0) {
            return StepResult.Done.plain("Nothing to refund");
        }
        Payment refunded = payments.refund(order.paymentId(), order.id().toString(), "refund-cancel", refundable,
                order.currency(), reason == null ? "Order cancelled" : reason);
        return refunded.isRefused() ? new StepResult.Unanswered(refunded.refusal())
                : new StepResult.Done("Refunded " + refundable, null, refundable);
    }

    private static List<CatalogApi.Line> lines(Order order) {
        return order.lines().stream().map(line -> new CatalogApi.Line(line.sku(), line.quantity())).toList();
    }
}
