package dev.shopstream.catalog.inventory;

import dev.shopstream.catalog.events.InventoryEvents;
import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.db.JsonColumns;
import dev.shopstream.commons.db.UniqueViolation;
import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.outbox.Outbox;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * SKUs, their stock and the reservations orders hold. Every change is one SQL statement guarded by the stock
 * table's constraints ({@code reserved <= on_hand}), so concurrent reservations can never oversell: a reservation
 * either takes every line or nothing.
 */
@ApplicationScoped
public class Inventory {

    /** The most a SKU may have on hand. */
    public static final int MAX_ON_HAND = 1_000_000_000;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Transactional
    public StockLevel addSku(UUID productId, String code, int onHand, int lowStockThreshold,
                             Map<String, String> attributes) {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, "SELECT 1 FROM product WHERE id = ?", productId)) {
                throw new UnknownEntityException("Product", productId);
            }
            UUID skuId = UUID.randomUUID();
            try (PreparedStatement sku = connection.prepareStatement("""
                         INSERT INTO sku (id, product_id, code, attributes, created_at) VALUES (?, ?, ?, ?, now())""");
                 PreparedStatement stock = connection.prepareStatement("""
                         INSERT INTO stock (sku_id, on_hand, low_stock_threshold, updated_at) VALUES (?, ?, ?, now())""")) {
                sku.setObject(1, skuId);
                sku.setObject(2, productId);
                sku.setString(3, code);
                sku.setString(4, JsonColumns.toJson(attributes));
                sku.executeUpdate();
                stock.setObject(1, skuId);
                stock.setInt(2, onHand);
                stock.setInt(3, lowStockThreshold);
                stock.executeUpdate();
            }
            StockLevel level = new StockLevel(code, onHand, 0, lowStockThreshold);
            audit.record("sku.created", "sku", code, Changes.between(null, level));
            return level;
        } catch (SQLException e) {
            if (UniqueViolation.isCauseOf(e)) {
                throw new StateConflictException("SKU code '" + code + "' is already used.");
            }
            throw new IllegalStateException("Could not add SKU " + code, e);
        }
    }

    /**
     * For bulk imports: adds the SKU, or brings an existing one of the same product to these attributes, threshold
     * and quantity on hand. Returns whether it was added.
     */
    @Transactional
    public boolean putSku(UUID productId, String code, int onHand, int lowStockThreshold,
                          Map<String, String> attributes, String reason) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT product_id FROM sku WHERE code = ? FOR UPDATE")) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    addSku(productId, code, onHand, lowStockThreshold, attributes);
                    return true;
                }
                if (!productId.equals(row.getObject(1, UUID.class))) {
                    throw new StateConflictException("SKU code '" + code + "' belongs to another product.");
                }
            }
            changeSku(connection, code, attributes, lowStockThreshold);
            if (stockOf(connection, code, false).orElseThrow().onHand() != onHand) {
                setOnHand(code, onHand, reason);
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import SKU " + code, e);
        }
    }

    /** A SKU as staff see it. */
    public record SkuDetails(String code, UUID productId, Map<String, String> attributes, boolean archived,
                             StockLevel stock, long version) {
    }

    public Optional<SkuDetails> sku(String code) {
        try (Connection connection = dataSource.getConnection()) {
            return sku(connection, code, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read SKU " + code, e);
        }
    }

    /** Replaces a SKU's variant attributes and low-stock threshold, if it is still the {@code expected} version. */
    @Transactional
    public SkuDetails updateSku(String code, ExpectedVersion expected, Map<String, String> attributes,
                                int lowStockThreshold) {
        try (Connection connection = dataSource.getConnection()) {
            SkuDetails before = sku(connection, code, true).orElseThrow(() -> new UnknownEntityException("SKU", code));
            expected.check(before.version());
            if (before.archived()) {
                throw new StateConflictException("SKU " + code + " is archived and can no longer change.");
            }
            changeSku(connection, code, attributes, lowStockThreshold);
            SkuDetails after = sku(connection, code, false).orElseThrow();
            audit.record("sku.updated", "sku", code, Changes.between(before, after));
            announceIfLow(after.stock());
            return after;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update SKU " + code, e);
        }
    }

    private static void changeSku(Connection connection, String code, Map<String, String> attributes,
                                  int lowStockThreshold) throws SQLException {
        try (PreparedStatement sku = connection.prepareStatement(
                "UPDATE sku SET attributes = CAST(? AS jsonb), version = version + 1 WHERE code = ?");
             PreparedStatement threshold = connection.prepareStatement(
                     "UPDATE stock SET low_stock_threshold = ? WHERE sku_id = (SELECT id FROM sku WHERE code = ?)")) {
            sku.setString(1, JsonColumns.toJson(attributes));
            sku.setString(2, code);
            sku.executeUpdate();
            threshold.setInt(1, lowStockThreshold);
            threshold.setString(2, code);
            threshold.executeUpdate();
        }
    }

    private static Optional<SkuDetails> sku(Connection connection, String code, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT k.product_id, k.attributes, k.status, k.version, s.on_hand, s.reserved, s.low_stock_threshold
                  FROM sku k JOIN stock s ON s.sku_id = k.id WHERE k.code = ?""" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SkuDetails(code, row.getObject(1, UUID.class),
                        JsonColumns.stringMap(row.getString(2)), row.getString(3).equals("ARCHIVED"),
                        new StockLevel(code, row.getInt(5), row.getInt(6), row.getInt(7)), row.getLong(4)));
            }
        }
    }

    /** Withdraws a SKU: it is no longer shown or reservable; reservations it already has run their course. */
    @Transactional
    public void archiveSku(String code) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sku SET status = 'ARCHIVED', version = version + 1 WHERE code = ? AND status = 'ACTIVE'")) {
            update.setString(1, code);
            if (update.executeUpdate() == 1) {
                audit.record("sku.archived", "sku", code, Changes.between(Map.of("status", "ACTIVE"),
                        Map.of("status", "ARCHIVED")));
            } else if (sku(connection, code, false).isEmpty()) {
                throw new UnknownEntityException("SKU", code);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not archive SKU " + code, e);
        }
    }

    public Optional<StockLevel> stockOf(String code) {
        try (Connection connection = dataSource.getConnection()) {
            return stockOf(connection, code, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stock of " + code, e);
        }
    }

    /** Sets the counted quantity on hand; it may not drop below what reservations hold. */
    @Transactional
    public StockLevel setOnHand(String code, int onHand, String reason) {
        return changeOnHand(code, reason, before -> (long) onHand);
    }

    /** Adds {@code delta} (negative to remove) to the quantity on hand; it may not drop below what is reserved. */
    @Transactional
    public StockLevel adjustOnHand(String code, int delta, String reason) {
        return changeOnHand(code, reason, before -> (long) before.onHand() + delta);
    }

    private StockLevel changeOnHand(String code, String reason, Function<StockLevel, Long> newOnHand) {
        try (Connection connection = dataSource.getConnection()) {
            StockLevel before = stockOf(connection, code, true)
                    .orElseThrow(() -> new UnknownEntityException("SKU", code));
            long onHand = newOnHand.apply(before);
            if (onHand < before.reserved()) {
                throw new StateConflictException("SKU " + code + " has " + before.onHand() + " on hand and "
                        + before.reserved() + " reserved; on hand cannot become " + onHand + ".");
            }
            if (onHand > MAX_ON_HAND) {
                throw new RuleViolationException("On hand cannot exceed " + MAX_ON_HAND + ".");
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE stock SET on_hand = ?, updated_at = now()
                     WHERE sku_id = (SELECT id FROM sku WHERE code = ?)""")) {
                update.setLong(1, onHand);
                update.setString(2, code);
                update.executeUpdate();
            }
            StockLevel after = new StockLevel(code, (int) onHand, before.reserved(), before.lowStockThreshold());
            outbox.add(InventoryEvents.TOPIC, InventoryEvents.ADJUSTED, code, new InventoryEvents.StockAdjusted(
                    code, before.onHand(), after.onHand(), after.reserved(), reason, now()));
            announceIfLow(after);
            audit.record("stock.adjusted", "sku", code, Changes.between(before, after));
            return after;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the stock of " + code, e);
        }
    }

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
        try (Connection connection = dataSource.getConnection()) {
            UUID reservationId = UUID.randomUUID();
            OffsetDateTime expiresAt = now().plus(ttl);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO reservation (id, order_id, status, expires_at, created_at, updated_at)
                    VALUES (?, ?, 'RESERVED', ?, now(), now()) ON CONFLICT (order_id) DO NOTHING""")) {
                insert.setObject(1, reservationId);
                insert.setString(2, orderId);
                insert.setObject(3, expiresAt);
                if (insert.executeUpdate() == 0) {
                    Reservation existing = find(connection, orderId, false).orElseThrow();
                    if (!existing.lines().equals(merged)) {
                        throw new StateConflictException("Order " + orderId + " already holds a different reservation.");
                    }
                    return new Reserved(existing, false);
                }
            }
            // The event is written before the stock rows are locked, so that popular SKUs stay locked only for their
            // update and the commit; when a line cannot be reserved the whole transaction, event included, rolls back.
            Reservation reservation = new Reservation(orderId, ReservationStatus.RESERVED, merged, expiresAt);
            announce(InventoryEvents.RESERVED, reservation);
            // Lines in SKU-code order, so concurrent reservations lock stock rows in the same order (no deadlocks).
            for (ReservationLine line : merged) {
                takeStock(connection, reservationId, line);
            }
            return new Reserved(reservation, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reserve stock for order " + orderId, e);
        }
    }

    private void takeStock(Connection connection, UUID reservationId, ReservationLine line) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("""
                UPDATE stock s SET reserved = s.reserved + ?, updated_at = now()
                  FROM sku k
                 WHERE k.id = s.sku_id AND k.code = ? AND k.status = 'ACTIVE' AND s.on_hand - s.reserved >= ?
                RETURNING s.sku_id, s.on_hand, s.reserved, s.low_stock_threshold""")) {
            take.setInt(1, line.quantity());
            take.setString(2, line.sku());
            take.setInt(3, line.quantity());
            try (ResultSet taken = take.executeQuery()) {
                if (!taken.next()) {
                    SkuDetails sku = sku(connection, line.sku(), false).orElseThrow(() ->
                            new RuleViolationException("SKU " + line.sku() + " does not exist."));
                    if (sku.archived()) {
                        throw new RuleViolationException("SKU " + line.sku() + " is archived and cannot be reserved.");
                    }
                    throw new StateConflictException("Not enough stock of " + line.sku() + " for " + line.quantity() + ".");
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO reservation_line (reservation_id, sku_id, quantity) VALUES (?, ?, ?)")) {
                    insert.setObject(1, reservationId);
                    insert.setObject(2, taken.getObject(1));
                    insert.setInt(3, line.quantity());
                    insert.executeUpdate();
                }
                announceIfLow(new StockLevel(line.sku(), taken.getInt(2), taken.getInt(3), taken.getInt(4)));
            }
        }
    }

    /** Turns reserved stock into sold stock. Committing twice changes nothing; a released reservation cannot commit. */
    @Transactional
    public Reservation commit(String orderId) {
        return settle(orderId, ReservationStatus.COMMITTED, InventoryEvents.COMMITTED);
    }

    /** Returns reserved stock. Releasing twice changes nothing; a committed reservation cannot be released. */
    @Transactional
    public Reservation release(String orderId) {
        return settle(orderId, ReservationStatus.RELEASED, InventoryEvents.RELEASED);
    }

    /** Releases reservations whose time ran out, up to {@code batch}; replicas skip each other's rows. */
    @Transactional
    public int expireDue(int batch) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement due = connection.prepareStatement("""
                     SELECT order_id FROM reservation WHERE status = 'RESERVED' AND expires_at < now()
                      ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            due.setInt(1, batch);
            List<String> orderIds = new ArrayList<>();
            try (ResultSet rows = due.executeQuery()) {
                while (rows.next()) {
                    orderIds.add(rows.getString(1));
                }
            }
            for (String orderId : orderIds) {
                settle(connection, orderId, ReservationStatus.EXPIRED, InventoryEvents.EXPIRED);
            }
            return orderIds.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not expire reservations", e);
        }
    }

    public Optional<Reservation> reservation(String orderId) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, orderId, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the reservation of order " + orderId, e);
        }
    }

    private Reservation settle(String orderId, ReservationStatus target, String eventType) {
        try (Connection connection = dataSource.getConnection()) {
            return settle(connection, orderId, target, eventType);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not settle the reservation of order " + orderId, e);
        }
    }

    /** Ends a held reservation: its stock is no longer reserved and, when committed, no longer on hand. */
    private Reservation settle(Connection connection, String orderId, ReservationStatus target, String eventType)
            throws SQLException {
        Reservation reservation = find(connection, orderId, true)
                .orElseThrow(() -> new UnknownEntityException("Reservation for order", orderId));
        if (reservation.status() == target
                || (target == ReservationStatus.RELEASED && reservation.status() == ReservationStatus.EXPIRED)) {
            return reservation;
        }
        if (reservation.status() != ReservationStatus.RESERVED) {
            throw new StateConflictException("The reservation of order " + orderId + " is already "
                    + reservation.status().name().toLowerCase() + ".");
        }
        boolean sold = target == ReservationStatus.COMMITTED;
        try (PreparedStatement stock = connection.prepareStatement("""
                UPDATE stock SET reserved = reserved - ?, on_hand = on_hand - ?, updated_at = now()
                 WHERE sku_id = (SELECT id FROM sku WHERE code = ?)""")) {
            for (ReservationLine line : reservation.lines()) {
                stock.setInt(1, line.quantity());
                stock.setInt(2, sold ? line.quantity() : 0);
                stock.setString(3, line.sku());
                stock.executeUpdate();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE reservation SET status = ?, updated_at = now() WHERE order_id = ?")) {
            update.setString(1, target.name());
            update.setString(2, orderId);
            update.executeUpdate();
        }
        Reservation settled = new Reservation(orderId, target, reservation.lines(), reservation.expiresAt());
        announce(eventType, settled);
        return settled;
    }

    private Optional<Reservation> find(Connection connection, String orderId, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.status, r.expires_at, k.code, l.quantity
                  FROM reservation r
                  JOIN reservation_line l ON l.reservation_id = r.id
                  JOIN sku k ON k.id = l.sku_id
                 WHERE r.order_id = ?""" + (lock ? " FOR UPDATE OF r" : ""))) {
            select.setString(1, orderId);
            ReservationStatus status = null;
            OffsetDateTime expiresAt = null;
            List<ReservationLine> lines = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    status = ReservationStatus.valueOf(rows.getString(1));
                    expiresAt = rows.getObject(2, OffsetDateTime.class);
                    lines.add(new ReservationLine(rows.getString(3), rows.getInt(4)));
                }
            }
            lines.sort(Comparator.comparing(ReservationLine::sku));
            return status == null ? Optional.empty() : Optional.of(new Reservation(orderId, status, lines, expiresAt));
        }
    }

    private static Optional<StockLevel> stockOf(Connection connection, String code, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.on_hand, s.reserved, s.low_stock_threshold FROM stock s JOIN sku k ON k.id = s.sku_id
                 WHERE k.code = ?""" + (lock ? " FOR UPDATE OF s" : ""))) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StockLevel(code, row.getInt(1), row.getInt(2), row.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection connection, String query, Object id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private void announce(String type, Reservation reservation) {
        List<InventoryEvents.Line> lines = reservation.lines().stream()
                .map(line -> new InventoryEvents.Line(line.sku(), line.quantity())).toList();
        outbox.add(InventoryEvents.TOPIC, type, reservation.orderId(), new InventoryEvents.ReservationChanged(
                reservation.orderId(), reservation.status().name(), lines, reservation.expiresAt(), now()));
    }

    private void announceIfLow(StockLevel level) {
        if (level.isLow()) {
            outbox.add(InventoryEvents.TOPIC, InventoryEvents.LOW_STOCK, level.sku(),
                    new InventoryEvents.LowStock(level.sku(), level.available(), level.lowStockThreshold(), now()));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
