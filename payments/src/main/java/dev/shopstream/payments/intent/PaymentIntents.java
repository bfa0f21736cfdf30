package dev.shopstream.payments.intent;

import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.outbox.Outbox;
import dev.shopstream.payments.events.PaymentEvents;
import dev.shopstream.payments.provider.PaymentProviders;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderGateway;
import dev.shopstream.payments.provider.ProviderRefund;
import dev.shopstream.payments.provider.ProviderRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Every change to a payment intent (its rows are {@link PaymentIntentStore}'s). Each change locks the intent's row, lets the intent decide,
 * and writes its ledger movements and its payment.events in the same transaction. Captures, voids and refunds call
 * the provider while holding the lock, so that two requests for one intent never race at the provider.
 */
@ApplicationScoped
public class PaymentIntents {

    private static final Logger LOG = Logger.getLogger(PaymentIntents.class.getName());

    @Inject
    PaymentIntentStore store;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    ProviderGateway gateway;

    @Inject
    PendingOperations pendingOperations;

    @Inject
    PaymentProviders providers;

    @Inject
    MetricRegistry metrics;

    private final Clock clock = Clock.systemUTC();

    /** Records a new intent, outcome unknown, before the provider is asked: a crash after this loses nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentIntent open(NewPayment payment) {
        PaymentIntent intent = PaymentIntent.open(payment.orderId(), payment.customerId(), payment.amount(),
                payment.paymentMethodToken(), providers.activeProvider(), clock);
        store.add(intent);
        return intent;
    }

    /** Brings the intent in line with the provider's record of its charge (see {@link PaymentIntent#catchUpWith}). */
    @Transactional
    public PaymentIntent catchUp(UUID id, ProviderCharge charge) {
        PaymentIntent intent = store.locked(id);
        PaymentStatus before = intent.status();
        record(intent, before, intent.catchUpWith(charge, clock), null);
        return intent;
    }

    /**
     * Captures all or part of the authorization. When the provider does not answer in time the capture is recorded
     * as pending (this transaction commits that) and {@link OperationOutcomeUnknownException} is thrown.
     */
    @Transactional(dontRollbackOn = OperationOutcomeUnknownException.class)
    public PaymentIntent capture(UUID id, Long amountMinor, String currency) {
        PaymentIntent intent = store.locked(id);
        Snapshot before = Snapshot.of(intent);
        long amount = intent.capturable(amountMinor, currency);
        PendingOperation operation = PendingOperation.capture(intent, amount);
        ProviderCharge charge = ask(operation, () -> gateway.capture(intent.provider(), intent.providerReference(),
                amount, operation.idempotencyKey()));
        record(intent, before.status(), intent.catchUpWith(charge, clock), null);
        audit.record("payment.captured", "payment", id, Changes.between(before, Snapshot.of(intent)));
        return intent;
    }

    /** Releases the authorization; a lost answer is handled as for {@link #capture}. */
    @Transactional(dontRollbackOn = OperationOutcomeUnknownException.class)
    public PaymentIntent voidAuthorization(UUID id) {
        PaymentIntent intent = store.locked(id);
        Snapshot before = Snapshot.of(intent);
        intent.requireVoidable();
        PendingOperation operation = PendingOperation.voiding(intent);
        ProviderCharge charge = ask(operation, () -> gateway.cancel(intent.provider(), intent.providerReference(),
                operation.idempotencyKey()));
        record(intent, before.status(), intent.catchUpWith(charge, clock), null);
        audit.record("payment.voided", "payment", id, Changes.between(before, Snapshot.of(intent)));
        return intent;
    }

    /**
     * Refunds part or all of what is still refundable. {@code requestKey} is the caller's Idempotency-Key: the
     * provider's key derives from it, so a retried request refunds once. A lost answer is handled as for
     * {@link #capture}.
     */
    @Transactional(dontRollbackOn = OperationOutcomeUnknownException.class)
    public PaymentIntent refund(UUID id, long amountMinor, String currency, String reason, String requestKey) {
        PaymentIntent intent = store.locked(id);
        Snapshot before = Snapshot.of(intent);
        intent.requireRefundable(amountMinor, currency);
        PendingOperation operation = PendingOperation.refund(intent, amountMinor, reason, requestKey);
        ProviderRefund refund = ask(operation, () -> gateway.refund(intent.provider(), intent.providerReference(),
                amountMinor, operation.idempotencyKey()));
        applyRefund(intent, refund, reason);
        audit.record("payment.refunded", "payment", id, Changes.between(before, Snapshot.of(intent)));
        return intent;
    }

    /**
     * Calls the provider for {@code operation}. An answer settles any earlier lost attempt under the same key; no
     * answer in time leaves the outcome unknown, so the operation is remembered as pending for the resolver. (A
     * provider that was not reached, or an open circuit, did nothing: that is not pending.)
     */
    private <T> T ask(PendingOperation operation, Supplier<T> call) {
        try {
            T answer = call.get();
            pendingOperations.settled(operation.idempotencyKey());
            return answer;
        } catch (TimeoutException e) {
            pendingOperations.remember(operation);
            LOG.warning(() -> "The provider did not answer the " + operation.kind().code() + " of payment "
                    + operation.intentId() + " in time; it is pending until the resolver settles it");
            throw new OperationOutcomeUnknownException(operation, e);
        }
    }

    private void applyRefund(PaymentIntent intent, ProviderRefund refund, String reason) {
        if (!store.hasRefund(intent, refund.reference())) {
            record(intent, intent.status(), intent.refund(refund.amountMinor(), refund.reference(), reason, clock),
                    new PaymentEvents.Refund(refund.reference(), refund.amountMinor(), reason));
        }
    }

    /**
     * Settles a pending operation from the provider's record: a capture or void the charge already shows is caught
     * up with; otherwise the operation is asked for again under its provider idempotency key, which returns what
     * the provider did with that key, or does it now, once. The caller asked for it and was told to retry, so it
     * is completed rather than dropped; only a provider's refusal drops it (it cannot happen any more).
     */
    @Transactional
    public void settle(long pendingId) {
        Optional<PendingOperation> found = pendingOperations.find(pendingId);
        if (found.isEmpty()) {
            return;
        }
        PendingOperation operation = found.get();
        PaymentIntent intent = store.locked(operation.intentId());
        PaymentStatus before = intent.status();
        try {
            switch (operation.kind()) {
                case CAPTURE -> {
                    ProviderCharge charge = gateway.findCharge(intent.provider(), intent.id().toString())
                            .filter(known -> known.status() == ProviderCharge.ChargeStatus.CAPTURED)
                            .orElseGet(() -> gateway.capture(intent.provider(), intent.providerReference(),
                                    operation.amountMinor(), operation.idempotencyKey()));
                    record(intent, before, intent.catchUpWith(charge, clock), null);
                }
                case VOID -> {
                    ProviderCharge charge = gateway.findCharge(intent.provider(), intent.id().toString())
                            .filter(known -> known.status() == ProviderCharge.ChargeStatus.CANCELED)
                            .orElseGet(() -> gateway.cancel(intent.provider(), intent.providerReference(),
                                    operation.idempotencyKey()));
                    record(intent, before, intent.catchUpWith(charge, clock), null);
                }
                case REFUND -> applyRefund(intent, gateway.refund(intent.provider(), intent.providerReference(),
                        operation.amountMinor(), operation.idempotencyKey()), operation.reason());
            }
        } catch (ProviderRefusedException e) {
            LOG.warning(() -> "The provider refused the pending " + operation.kind().code() + " of payment "
                    + intent.id() + " (" + e.getMessage() + "); it did not happen and is dropped");
        }
        pendingOperations.settled(operation.idempotencyKey());
        LOG.info(() -> "Settled the pending " + operation.kind().code() + " of payment " + intent.id() + ": "
                + intent.status().code());
    }

    /**
     * Applies a refund the provider reports, once. Its event carries the charge with the capture, which
     * {@link #catchUp} applied first; a refund the intent cannot take contradicts our books and is left to
     * reconciliation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyProviderRefund(PaymentIntent intent, ProviderRefund refund) {
        if (store.hasRefund(intent, refund.reference())) {
            return;
        }
        if (!intent.status().hasCaptured() || refund.amountMinor() > intent.refundableMinor()) {
            LOG.warning(() -> "Provider refund " + refund.reference() + " of " + refund.amountMinor()
                    + " does not fit payment " + intent.id() + " (" + intent.status().code() + ", refundable "
                    + intent.refundableMinor() + "); left for reconciliation");
            return;
        }
        record(intent, intent.status(), intent.refund(refund.amountMinor(), refund.reference(), null, clock),
                new PaymentEvents.Refund(refund.reference(), refund.amountMinor(), null));
    }

    private void record(PaymentIntent intent, PaymentStatus before, List<Movement> movements,
                        PaymentEvents.Refund refund) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.addToLedger(intent, movements, now);
        PaymentStatus after = intent.status();
        for (String type : eventsFor(before, after, movements)) {
            outbox.add(PaymentEvents.TOPIC, type, intent.id().toString(),
                    changed(intent, type.equals(PaymentEvents.REFUNDED) ? refund : null));
        }
        if (after == PaymentStatus.FAILED && before != PaymentStatus.FAILED) {
            metrics.counter("payments.failed", new Tag("code", String.valueOf(intent.failureCode()))).inc();
        }
    }

    /** The events announcing a change, in the order it happened (an authorization caught up with a capture first). */
    private static List<String> eventsFor(PaymentStatus before, PaymentStatus after, List<Movement> movements) {
        List<String> types = new ArrayList<>();
        if (after == PaymentStatus.REQUIRES_ACTION && before != after) {
            types.add(PaymentEvents.REQUIRES_ACTION);
        }
        if (after == PaymentStatus.FAILED && before != after) {
            types.add(PaymentEvents.FAILED);
        }
        for (Movement movement : movements) {
            switch (movement.kind()) {
                case AUTHORIZE -> types.add(PaymentEvents.AUTHORIZED);
                case CAPTURE -> types.add(PaymentEvents.CAPTURED);
                case REFUND -> types.add(PaymentEvents.REFUNDED);
                case VOID -> {
                    // The release of an uncaptured remainder is part of the capture event.
                }
            }
        }
        if (after == PaymentStatus.VOIDED && before != after) {
            types.add(PaymentEvents.VOIDED);
        }
        return types;
    }

    /** What an audit record compares before and after a staff or service change. */
    public record Snapshot(PaymentStatus status, long capturedMinor, long refundedMinor) {
        static Snapshot of(PaymentIntent intent) {
            return new Snapshot(intent.status(), intent.capturedMinor(), intent.refundedMinor());
        }
    }

    private static PaymentEvents.PaymentChanged changed(PaymentIntent intent, PaymentEvents.Refund refund) {
        return new PaymentEvents.PaymentChanged(intent.id(), intent.orderId(), intent.customerId(),
                intent.status().code(), intent.amount().amountMinor(), intent.currency(), intent.capturedMinor(),
                intent.refundedMinor(), intent.failureCode(), refund, intent.updatedAt());
    }
}
