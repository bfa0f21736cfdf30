package dev.shopstream.catalog.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The reservation tables and the stock they hold, in SQL: taking stock is one statement guarded by the stock
 * table's constraint ({@code reserved <= on_hand}), so concurrent reservations can never oversell.
 */
@ApplicationScoped
public class ReservationStore {

    private static final String SELECT_RESERVATION = """
            SELECT r.status, r.expires_at, k.code, l.quantity
              FROM reservation r
              JOIN reservation_line l ON l.reservation_id = r.id
              JOIN sku k ON k.id = l.sku_id
             WHERE r.order_id = ?""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /** Adds the order's reservation, with no lines yet; returns false when the order already has one. */
    public boolean insert(UUID reservationId, String orderId, OffsetDateTime expiresAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO reservation (id, order_id, status, expires_at, created_at, updated_at)
                     VALUES (?, ?, 'RESERVED', ?, now(), now()) ON CONFLICT (order_id) DO NOTHING""")) {
            insert.setObject(1, reservationId);
            insert.setString(2, orderId);
            insert.setObject(3, expiresAt);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reserve stock for order " + orderId, e);
        }
    }

    /**
     * Takes the line's quantity from the available stock of an active SKU and adds the line to the reservation.
     * Returns the stock it leaves, or nothing (and changes nothing) when the SKU is unknown, archived or short.
     */
    public Optional<StockLevel> take(UUID reservationId, ReservationLine line) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement take = connection.prepareStatement("""
                     UPDATE stock s SET reserved = s.reserved + ?, updated_at = now()
                       FROM sku k
                      WHERE k.id = s.sku_id AND k.code = ? AND k.status = 'ACTIVE' AND s.on_hand - s.reserved >= ?
                     RETURNING s.sku_id, s.on_hand, s.reserved, s.low_stock_threshold""");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO reservation_line (reservation_id, sku_id, quantity) VALUES (?, ?, ?)")) {
            take.setInt(1, line.quantity());
            take.setString(2, line.sku());
            take.setInt(3, line.quantity());
            try (ResultSet taken = take.executeQuery()) {
                if (!taken.next()) {
                    return Optional.empty();
                }
                insert.setObject(1, reservationId);
                insert.setObject(2, taken.getObject(1));
                insert.setInt(3, line.quantity());
                insert.executeUpdate();
                return Optional.of(new StockLevel(line.sku(), taken.getInt(2), taken.getInt(3), taken.getInt(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reserve " + line.sku(), e);
        }
    }

    public Optional<Reservation> find(String orderId) {
        return reservation(orderId, SELECT_RESERVATION);
    }

    public Optional<Reservation> locked(String orderId) {
        return reservation(orderId, SELECT_RESERVATION + " FOR UPDATE OF r");
    }

    private Optional<Reservation> reservation(String orderId, String query) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(query)) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the reservation of order " + orderId, e);
        }
    }

    /**
     * Records that a held reservation ended: its stock is no longer reserved and, when committed (sold), no longer
     * on hand either.
     */
    public void end(Reservation ended) {
        boolean sold = ended.status() == ReservationStatus.COMMITTED;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stock = connection.prepareStatement("""
                     UPDATE stock SET reserved = reserved - ?, on_hand = on_hand - ?, updated_at = now()
                      WHERE sku_id = (SELECT id FROM sku WHERE code = ?)""");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE reservation SET status = ?, updated_at = now() WHERE order_id = ?")) {
            for (ReservationLine line : ended.lines()) {
                stock.setInt(1, line.quantity());
                stock.setInt(2, sold ? line.quantity() : 0);
                stock.setString(3, line.sku());
                stock.executeUpdate();
            }
            update.setString(1, ended.status().name());
            update.setString(2, ended.orderId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not settle the reservation of order " + ended.orderId(), e);
        }
    }

    /** Locks up to {@code batch} held reservations whose time ran out, skipping rows other replicas hold. */
    public List<String> lockDue(int batch) {
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
            return orderIds;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find expired reservations", e);
        }
    }
}
