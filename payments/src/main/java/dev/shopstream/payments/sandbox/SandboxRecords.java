package dev.shopstream.payments.sandbox;

import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderCharge.ChargeStatus;
import dev.shopstream.payments.provider.ProviderRefund;
import dev.shopstream.payments.provider.ProviderRefusedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sandbox provider's own books: charges, refunds and the webhook deliveries it owes. Each operation commits on
 * its own ({@code REQUIRES_NEW}), as a remote provider's would, whatever happens to the caller's transaction; each
 * change queues its webhook event in the same transaction, so no event is lost.
 */
@ApplicationScoped
public class SandboxRecords {

    private static final String CHARGE_COLUMNS =
            "id, idempotency_key, status, amount_minor, currency, captured_minor, refunded_minor, failure_code";

    /** A pool of its own (server.xml), as a remote provider's resources are not the caller's. */
    @Resource(lookup = "jdbc/sandbox")
    DataSource dataSource;

    @Inject
    SandboxSettings settings;

    /** Creates the charge for this key, or returns the one the key already created. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProviderCharge createCharge(String idempotencyKey, long amountMinor, String currency,
                                       String paymentMethodToken) {
        SandboxCard card = SandboxCard.of(paymentMethodToken);
        try (Connection connection = dataSource.getConnection()) {
            ChargeStatus status = card.declineCode() != null ? ChargeStatus.FAILED
                    : card.awaitsCustomer() ? ChargeStatus.REQUIRES_ACTION : ChargeStatus.AUTHORIZED;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sandbox_charge (id, idempotency_key, amount_minor, currency, status, failure_code,
                                                confirm_at, payment_method)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING\s""" + CHARGE_COLUMNS)) {
                insert.setString(1, newId("ch"));
                insert.setString(2, idempotencyKey);
                insert.setLong(3, amountMinor);
                insert.setString(4, currency);
                insert.setString(5, code(status));
                insert.setString(6, card.declineCode());
                insert.setObject(7, card == SandboxCard.REQUIRES_ACTION
                        ? Timestamp.from(Instant.now().plus(settings.confirmationDelay())) : null);
                insert.setString(8, paymentMethodToken);
                Optional<ProviderCharge> created = charge(insert);
                ProviderCharge charge = created.isPresent() ? created.get()
                        : chargeByKey(connection, idempotencyKey, false).orElseThrow();
                if (charge.amountMinor() != amountMinor || !charge.currency().equals(currency)) {
                    throw new ProviderRefusedException("Idempotency key " + idempotencyKey
                            + " was used for a different charge.");
                }
                if (created.isPresent()) {
                    // A slow provider is slow throughout: its webhook comes no sooner than its answer.
                    Duration slowness = slownessOf(card, SandboxCard.Operation.AUTHORIZE);
                    queueEvent(connection, "charge." + code(status), charge, null, slowness);
                }
                return charge;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not create a charge", e);
        }
    }

    /** The refund made under this idempotency key, if any. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ProviderRefund> refundByKey(String idempotencyKey) {
        try (Connection connection = dataSource.getConnection()) {
            return refundByKey(connection, idempotencyKey);
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not read a refund", e);
        }
    }

    /**
     * The test card behind a charge; an unknown charge behaves like any other card. A read that changes nothing,
     * so it runs outside any transaction: one statement, no commit.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SandboxCard cardOf(String chargeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payment_method FROM sandbox_charge WHERE id = ?")) {
            select.setString(1, chargeId);
            try (ResultSet rows = select.executeQuery()) {
                return SandboxCard.of(rows.next() ? rows.getString(1) : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not read a charge", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ProviderCharge> chargeByKey(String idempotencyKey) {
        try (Connection connection = dataSource.getConnection()) {
            return chargeByKey(connection, idempotencyKey, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not read a charge", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ProviderCharge> chargesCreatedBetween(Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + CHARGE_COLUMNS
                     + " FROM sandbox_charge WHERE created_at >= ? AND created_at < ? ORDER BY created_at")) {
            select.setTimestamp(1, Timestamp.from(from));
            select.setTimestamp(2, Timestamp.from(to));
            List<ProviderCharge> charges = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    charges.add(chargeOf(rows));
                }
            }
            return charges;
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not list charges", e);
        }
    }

    /** Captures once; capturing a captured charge again returns it unchanged. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProviderCharge capture(String chargeId, long amountMinor, SandboxCard card) {
        try (Connection connection = dataSource.getConnection()) {
            ProviderCharge charge = lockedCharge(connection, chargeId);
            if (charge.status() == ChargeStatus.CAPTURED) {
                return charge;
            }
            if (charge.status() != ChargeStatus.AUTHORIZED || amountMinor > charge.amountMinor() || amountMinor <= 0) {
                throw new ProviderRefusedException("Charge " + chargeId + " cannot capture " + amountMinor + ".");
            }
            ProviderCharge captured = updatedCharge(connection,
                    "UPDATE sandbox_charge SET status = 'captured', captured_minor = ? WHERE id = ?",
                    amountMinor, chargeId);
            queueEvent(connection, "charge.captured", captured, null,
                    slownessOf(card, SandboxCard.Operation.CAPTURE));
            return captured;
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not capture", e);
        }
    }

    /** Cancels an uncaptured charge; cancelling a cancelled charge again returns it unchanged. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProviderCharge cancel(String chargeId, SandboxCard card) {
        try (Connection connection = dataSource.getConnection()) {
            ProviderCharge charge = lockedCharge(connection, chargeId);
            if (charge.status() == ChargeStatus.CANCELED) {
                return charge;
            }
            if (charge.status() != ChargeStatus.AUTHORIZED && charge.status() != ChargeStatus.REQUIRES_ACTION) {
                throw new ProviderRefusedException("Charge " + chargeId + " is " + code(charge.status())
                        + " and cannot be cancelled.");
            }
            ProviderCharge canceled = updatedCharge(connection,
                    "UPDATE sandbox_charge SET status = 'canceled' WHERE id = ?", chargeId);
            queueEvent(connection, "charge.canceled", canceled, null,
                    slownessOf(card, SandboxCard.Operation.CANCEL));
            return canceled;
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not cancel", e);
        }
    }

    /** Refunds once per idempotency key, never more than was captured. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProviderRefund refund(String chargeId, long amountMinor, String idempotencyKey, SandboxCard card) {
        try (Connection connection = dataSource.getConnection()) {
            ProviderCharge charge = lockedCharge(connection, chargeId);
            Optional<ProviderRefund> existing = refundByKey(connection, idempotencyKey);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (charge.status() != ChargeStatus.CAPTURED
                    || amountMinor > charge.capturedMinor() - charge.refundedMinor() || amountMinor <= 0) {
                throw new ProviderRefusedException("Charge " + chargeId + " cannot refund " + amountMinor + ".");
            }
            ProviderRefund refund = new ProviderRefund(newId("re"), chargeId, amountMinor);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sandbox_refund (id, charge_id, idempotency_key, amount_minor) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, refund.reference());
                insert.setString(2, chargeId);
                insert.setString(3, idempotencyKey);
                insert.setLong(4, amountMinor);
                insert.executeUpdate();
            }
            ProviderCharge refunded = updatedCharge(connection,
                    "UPDATE sandbox_charge SET refunded_minor = refunded_minor + ? WHERE id = ?",
                    amountMinor, chargeId);
            queueEvent(connection, "charge.refunded", refunded, refund, slownessOf(card, SandboxCard.Operation.REFUND));
            return refund;
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not refund", e);
        }
    }

    /** The simulated customers confirm the charges waiting for them (3-D Secure done); returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int confirmDue(int batch) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement due = connection.prepareStatement("""
                     SELECT id FROM sandbox_charge WHERE status = 'requires_action' AND confirm_at <= now()
                      ORDER BY confirm_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            due.setInt(1, batch);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = due.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            for (String id : ids) {
                queueEvent(connection, "charge.authorized", updatedCharge(connection,
                        "UPDATE sandbox_charge SET status = 'authorized', confirm_at = NULL WHERE id = ?", id), null);
            }
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not confirm charges", e);
        }
    }

    /** A webhook delivery owed to the service. */
    public record Delivery(long id, String payload, int attempts) {
    }

    /** Takes up to {@code batch} due deliveries and leases them for {@code lease}, so no other poller sends them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Delivery> leaseDueDeliveries(int batch, Duration lease) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     UPDATE sandbox_webhook_delivery SET deliver_after = now() + make_interval(secs => ?)
                      WHERE id IN (SELECT id FROM sandbox_webhook_delivery
                                    WHERE delivered_at IS NULL AND deliver_after <= now()
                                    ORDER BY deliver_after LIMIT ? FOR UPDATE SKIP LOCKED)
                     RETURNING id, payload, attempts""")) {
            claim.setLong(1, lease.toSeconds());
            claim.setInt(2, batch);
            List<Delivery> deliveries = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(new Delivery(rows.getLong(1), rows.getString(2), rows.getInt(3)));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not read its webhook deliveries", e);
        }
    }

    /** Records deliveries the service acknowledged, a leased batch at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(List<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            update(connection, "UPDATE sandbox_webhook_delivery SET delivered_at = now(), attempts = attempts + 1 "
                    + "WHERE id = ANY (?)", connection.createArrayOf("bigint", deliveryIds.toArray()));
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not record a delivery", e);
        }
    }

    /** Backs off exponentially, up to a minute, like real providers' webhook retries. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliveryFailed(Delivery delivery) {
        long backoffSeconds = Math.min(60, 1L << Math.min(delivery.attempts(), 6));
        try (Connection connection = dataSource.getConnection()) {
            update(connection, "UPDATE sandbox_webhook_delivery SET attempts = attempts + 1, "
                    + "deliver_after = now() + make_interval(secs => ?) WHERE id = ?", backoffSeconds, delivery.id());
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox could not record a failed delivery", e);
        }
    }

    /** A slow provider is slow throughout: its webhook comes no sooner than its answer. */
    private Duration slownessOf(SandboxCard card, SandboxCard.Operation operation) {
        return card.slowAt(operation) ? settings.slowLatency() : Duration.ZERO;
    }

    private void queueEvent(Connection connection, String type, ProviderCharge charge, ProviderRefund refund)
            throws SQLException {
        queueEvent(connection, type, charge, refund, Duration.ZERO);
    }

    private void queueEvent(Connection connection, String type, ProviderCharge charge, ProviderRefund refund,
                            Duration extraDelay) throws SQLException {
        if (!settings.webhooksEnabled()) {
            return;
        }
        String eventId = newId("evt");
        String payload = SandboxEventJson.write(eventId, type, Instant.now(), charge, refund);
        int copies = ThreadLocalRandom.current().nextDouble() < settings.duplicateRate() ? 2 : 1;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sandbox_webhook_delivery (event_id, payload, deliver_after)
                VALUES (?, ?, now() + make_interval(secs => ?))""")) {
            for (int copy = 0; copy < copies; copy++) {
                insert.setString(1, eventId);
                insert.setString(2, payload);
                insert.setDouble(3, deliveryDelay().plus(extraDelay).toMillis() / 1000.0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Duration deliveryDelay() {
        long window = settings.reorderWindow().toMillis();
        return settings.webhookDelay().plusMillis(window > 0 ? ThreadLocalRandom.current().nextLong(window + 1) : 0);
    }

    private static Optional<ProviderCharge> chargeByKey(Connection connection, String key, boolean lock)
            throws SQLException {
        return charge(connection, "idempotency_key = ?", key, lock);
    }

    private static ProviderCharge lockedCharge(Connection connection, String chargeId) throws SQLException {
        return charge(connection, "id = ?", chargeId, true)
                .orElseThrow(() -> new ProviderRefusedException("No such charge: " + chargeId));
    }

    private static Optional<ProviderCharge> charge(Connection connection, String condition, String value, boolean lock)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + CHARGE_COLUMNS
                + " FROM sandbox_charge WHERE " + condition + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, value);
            return charge(select);
        }
    }

    /** The charge as {@code sql}, an update of one charge, left it: one statement. */
    private static ProviderCharge updatedCharge(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql + " RETURNING " + CHARGE_COLUMNS)) {
            set(update, parameters);
            return charge(update).orElseThrow();
        }
    }

    /** The charge {@code statement} returns, if any. */
    private static Optional<ProviderCharge> charge(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(chargeOf(row)) : Optional.empty();
        }
    }

    private static ProviderCharge chargeOf(ResultSet row) throws SQLException {
        return new ProviderCharge(row.getString(1), row.getString(2),
                ChargeStatus.valueOf(row.getString(3).toUpperCase(Locale.ROOT)), row.getLong(4), row.getString(5),
                row.getLong(6), row.getLong(7), row.getString(8));
    }

    private static Optional<ProviderRefund> refundByKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, charge_id, amount_minor FROM sandbox_refund WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new ProviderRefund(row.getString(1), row.getString(2), row.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            set(update, parameters);
            update.executeUpdate();
        }
    }

    private static void set(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static String code(ChargeStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
