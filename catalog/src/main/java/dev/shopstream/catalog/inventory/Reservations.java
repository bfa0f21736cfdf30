package dev.shopstream.catalog.inventory;

import dev.shopstream.catalog.events.InventoryEvents;
import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservations orders hold: a reservation takes every line or nothing, and ends committed (sold), released or
 * expired. Each change is announced through the outbox in the same transaction.
 */
@ApplicationScoped
public class Reservations {

    @Inject
    ReservationStore store;

    @Inject
    SkuStore skus;

    @Inject
    StockAlerts alerts;

    @Inject
    Outbox outbox;

    /** Outcome of a reservation request: the reservation, and whether this call created it. */
    public record Reserved(Reservation reservation, boolean created) {
    }

    /**
     * Reserves every line or nothing. Idempotent on the order id: repeating the same request returns the existing
     * reservation; the same order id with other lines is a conflict.
     */
    @Transactional
    public Reserved reserve(String orderId, List<ReservationLine> lines, Duration ttl) {
        List<ReservationLine> merged = ReservationLine.merged(lines);
        UUID reservationId = UUID.randomUUID();
        OffsetDateTime expiresAt = now().plus(ttl);
        if (!store.insert(reservationId, orderId, expiresAt)) {
            Reservation existing = store.find(orderId).orElseThrow();
            if (!existing.lines().equals(merged)) {
                throw new StateConflictException("Order " + orderId + " already holds a different reservation.");
            }
            return new Reserved(existing, false);
        }
        // The event is written before the stock rows are locked, so that popular SKUs stay locked only for their
        // update and the commit; when a line cannot be reserved the whole transaction, event included, rolls back.
        Reservation reservation = new Reservation(orderId, ReservationStatus.RESERVED, merged, expiresAt);
        announce(InventoryEvents.RESERVED, reservation);
        // Lines in SKU-code order, so concurrent reservations lock stock rows in the same order (no deadlocks).
        for (ReservationLine line : merged) {
            alerts.announceIfLow(store.take(reservationId, line).orElseThrow(() -> whyNotTaken(line)));
        }
        return new Reserved(reservation, true);
    }

    private RuntimeException whyNotTaken(ReservationLine line) {
        SkuDetails sku = skus.find(line.sku())
                .orElseThrow(() -> new RuleViolationException("SKU " + line.sku() + " does not exist."));
        if (sku.archived()) {
            return new RuleViolationException("SKU " + line.sku() + " is archived and cannot be reserved.");
        }
        return new StateConflictException("Not enough stock of " + line.sku() + " for " + line.quantity() + ".");
    }

    public Optional<Reservation> reservation(String orderId) {
        return store.find(orderId);
    }

    /** Turns reserved stock into sold stock. Committing twice changes nothing; a released reservation cannot commit. */
    @Transactional
    public Reservation commit(String orderId) {
        return end(orderId, ReservationStatus.COMMITTED, InventoryEvents.COMMITTED);
    }

    /** Returns reserved stock. Releasing twice changes nothing; a committed reservation cannot be released. */
    @Transactional
    public Reservation release(String orderId) {
        return end(orderId, ReservationStatus.RELEASED, InventoryEvents.RELEASED);
    }

    /** Releases reservations whose time ran out, up to {@code batch}; replicas skip each other's rows. */
    @Transactional
    public int expireDue(int batch) {
        List<String> due = store.lockDue(batch);
        due.forEach(orderId -> end(orderId, ReservationStatus.EXPIRED, InventoryEvents.EXPIRED));
        return due.size();
    }

    private Reservation end(String orderId, ReservationStatus target, String eventType) {
        Reservation reservation = store.locked(orderId)
                .orElseThrow(() -> new UnknownEntityException("Reservation for order", orderId));
        if (reservation.hasEndedAs(target)) {
            return reservation;
        }
        Reservation ended = reservation.endedAs(target);
        store.end(ended);
        announce(eventType, ended);
        return ended;
    }

    private void announce(String type, Reservation reservation) {
        List<InventoryEvents.Line> lines = reservation.lines().stream()
                .map(line -> new InventoryEvents.Line(line.sku(), line.quantity())).toList();
        outbox.add(InventoryEvents.TOPIC, type, reservation.orderId(), new InventoryEvents.ReservationChanged(
                reservation.orderId(), reservation.status().name(), lines, reservation.expiresAt(), now()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
