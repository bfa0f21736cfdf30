package dev.shopstream.payments.intent;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.money.Money;
import dev.shopstream.payments.provider.ProviderCharge;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A payment for one order: authorized by the provider, then captured (once, fully or partly; the rest of the
 * authorization is released) or voided, then refunded in one or more parts up to the captured amount. Every change
 * returns the ledger movements it makes. Requests that the state does not allow are refused with 409, amounts
 * beyond what the intent holds and other currencies with 422.
 */
@Entity
@Table(name = "payment_intent")
public class PaymentIntent {

    @Id
    private UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private String status;

    @Column(name = "captured_minor", nullable = false)
    private long capturedMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(nullable = false)
    private String provider;

    @Column(name = "provider_reference")
    private String providerReference;

    @Column(name = "payment_method_token", nullable = false, updatable = false)
    private String paymentMethodToken;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected PaymentIntent() {
        // for JPA
    }

    /** A new intent whose authorization is about to be asked of the provider: its outcome is not known yet. */
    public static PaymentIntent open(String orderId, String customerId, Money amount, String paymentMethodToken,
                                     String provider, Clock clock) {
        if (amount.amountMinor() <= 0) {
            throw new RuleViolationException("A payment must be for a positive amount.");
        }
        PaymentIntent intent = new PaymentIntent();
        intent.id = UUID.randomUUID();
        intent.orderId = orderId;
        intent.customerId = customerId;
        intent.amountMinor = amount.amountMinor();
        intent.currency = amount.currency();
        intent.status = PaymentStatus.UNKNOWN.code();
        intent.paymentMethodToken = paymentMethodToken;
        intent.provider = provider;
        intent.createdAt = now(clock);
        intent.updatedAt = intent.createdAt;
        return intent;
    }

    // --- requests from our callers: refused when the state or the amount does not allow them ---------------------

    /** The amount a capture request takes: all that is authorized when {@code requested} is absent. */
    public long capturable(Long requested, String requestedCurrency) {
        requireStatus("captured", Set.of(PaymentStatus.REQUIRES_CAPTURE));
        requireCurrency(requestedCurrency);
        long amount = requested == null ? amountMinor : requested;
        if (amount > amountMinor) {
            throw new RuleViolationException("Cannot capture " + amount + " of payment " + id + ": only "
                    + amountMinor + " " + currency + " are authorized.");
        }
        return amount;
    }

    public void requireVoidable() {
        requireStatus("voided", Set.of(PaymentStatus.REQUIRES_CAPTURE, PaymentStatus.REQUIRES_ACTION));
    }

    /** Checks that {@code amount} can still be refunded. */
    public void requireRefundable(long amount, String requestedCurrency) {
        requireStatus("refunded", Set.of(PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_CAPTURED,
                PaymentStatus.PARTIALLY_REFUNDED));
        requireCurrency(requestedCurrency);
        if (amount > refundableMinor()) {
            throw new RuleViolationException("Cannot refund " + amount + " of payment " + id + ": only "
                    + refundableMinor() + " " + currency + " of the captured amount remain refundable.");
        }
    }

    private void requireStatus(String wanted, Set<PaymentStatus> allowed) {
        if (!allowed.contains(status())) {
            throw new StateConflictException("Payment " + id + " is " + status().code() + " and cannot be " + wanted + ".");
        }
    }

    private void requireCurrency(String requestedCurrency) {
        if (requestedCurrency != null && !requestedCurrency.equals(currency)) {
            throw new RuleViolationException("Payment " + id + " is in " + currency + ", not " + requestedCurrency + ".");
        }
    }

    // --- what happened at the provider: applied in the intent's own order ------------------------------------------

    /**
     * Brings the intent in line with the provider's record of its charge, only ever forward
     * ({@link PaymentStatus#isMovedOnBy}).
     *
     * @return the ledger movements made, empty when nothing changed
     */
    public List<Movement> catchUpWith(ProviderCharge charge, Clock clock) {
        if (!status().isMovedOnBy(charge)) {
            return List.of();
        }
        List<Movement> movements = new ArrayList<>();
        switch (charge.status()) {
            case REQUIRES_ACTION -> {
                providerReference = charge.reference();
                moveTo(PaymentStatus.REQUIRES_ACTION, clock);
            }
            case AUTHORIZED -> movements.addAll(authorize(charge.reference(), clock));
            case FAILED -> {
                providerReference = charge.reference();
                failureCode = charge.failureCode();
                failureMessage = DeclineReasons.describe(charge.failureCode());
                moveTo(PaymentStatus.FAILED, clock);
            }
            case CAPTURED -> {
                movements.addAll(authorize(charge.reference(), clock));
                if (status() == PaymentStatus.REQUIRES_CAPTURE && charge.capturedMinor() > 0) {
                    movements.addAll(capture(charge.capturedMinor(), clock));
                }
            }
            case CANCELED -> movements.addAll(cancel(clock));
        }
        return movements;
    }

    private List<Movement> authorize(String reference, Clock clock) {
        if (!status().awaitsAuthorization()) {
            return List.of();
        }
        providerReference = reference;
        moveTo(PaymentStatus.REQUIRES_CAPTURE, clock);
        return List.of(new Movement(LedgerKind.AUTHORIZE, amountMinor, reference, null));
    }

    /** The provider captured {@code amount}; the rest of the authorization is released. */
    public List<Movement> capture(long amount, Clock clock) {
        capturable(amount, null);
        capturedMinor = amount;
        moveTo(amount == amountMinor ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_CAPTURED, clock);
        List<Movement> movements = new ArrayList<>();
        movements.add(new Movement(LedgerKind.CAPTURE, amount, providerReference, null));
        if (amount < amountMinor) {
            movements.add(new Movement(LedgerKind.VOID, amountMinor - amount, providerReference, "uncaptured remainder"));
        }
        return movements;
    }

    /** The charge was cancelled; an authorization it held is released. */
    public List<Movement> cancel(Clock clock) {
        PaymentStatus before = status();
        if (before != PaymentStatus.UNKNOWN) {
            requireVoidable();
        }
        moveTo(PaymentStatus.VOIDED, clock);
        return before == PaymentStatus.REQUIRES_CAPTURE
                ? List.of(new Movement(LedgerKind.VOID, amountMinor, providerReference, null)) : List.of();
    }

    /** The provider refunded {@code amount} under its refund {@code reference}. */
    public List<Movement> refund(long amount, String reference, String reason, Clock clock) {
        requireRefundable(amount, null);
        refundedMinor += amount;
        moveTo(refundedMinor == capturedMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, clock);
        return List.of(new Movement(LedgerKind.REFUND, amount, reference, reason));
    }

    private void moveTo(PaymentStatus next, Clock clock) {
        status = next.code();
        updatedAt = now(clock);
    }

    private static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public long refundableMinor() {
        return capturedMinor - refundedMinor;
    }

    public UUID id() {
        return id;
    }

    public Long seq() {
        return seq;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public Money amount() {
        return Money.of(amountMinor, currency);
    }

    public String currency() {
        return currency;
    }

    public PaymentStatus status() {
        return PaymentStatus.ofCode(status);
    }

    public long capturedMinor() {
        return capturedMinor;
    }

    public long refundedMinor() {
        return refundedMinor;
    }

    public String provider() {
        return provider;
    }

    public String providerReference() {
        return providerReference;
    }

    public String paymentMethodToken() {
        return paymentMethodToken;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
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
