package dev.shopstream.orders.saga;

import dev.shopstream.orders.order.OrderStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The saga's rows, in SQL (JDBC: claims are leases taken with one conditional statement): the orchestrator's columns
 * of {@code customer_order} and the {@code saga_step} log. A replica drives a saga only while it holds its lease,
 * so two replicas never run one saga's steps; a replica that dies leaves a lease that runs out, and the recovery job
 * of any replica takes the saga over.
 */
@ApplicationScoped
public class SagaStore {

    /** The longest detail a log entry keeps; a longer one (a remote service's answer) is cut to it. */
    public static final int MAX_DETAIL = 2_000;

    /** The most log entries a timeline shows: the latest, should a compensating step retry that often. */
    public static final int MAX_TIMELINE = 200;

    private static final String STATE = "saga_step, saga_attempts, saga_deadline, saga_then, saga_outcome, saga_reason";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /** The saga's state as a claim found it: the step to run, its attempts so far and the compensation ahead. */
    public record Claim(UUID orderId, SagaStep step, int attempts, Instant deadline, List<SagaStep> then,
                        OrderStatus outcome, String reason) {
    }

    /** One attempt of a step, for the order's timeline. */
    public record Entry(SagaStep step, int attempt, String outcome, String detail, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt) {
    }

    /** A saga that has not finished: what it is at, how often it tried, since when the order waits. */
    @Schema(name = "StuckSaga", description = "A saga that does not finish: the step it is at, how often that step "
            + "was tried, when it runs next and when the order was placed")
    public record Unfinished(UUID orderId, SagaStep step, int attempts, OffsetDateTime dueAt,
                             OffsetDateTime orderedAt) {
    }

    /** Starts the saga of a new order at {@code step}, due now (in the caller's transaction). */
    public void begin(UUID orderId, SagaStep step) {
        update("UPDATE customer_order SET saga_step = ?, saga_due_at = now(), saga_attempts = 0 WHERE id = ?",
                statement -> {
                    statement.setString(1, step.name());
                    statement.setObject(2, orderId);
                });
    }

    /**
     * Starts compensating an order whose saga has ended (a cancellation): runs {@code steps}, then the order ends as
     * {@code outcome}. Returns false when a saga is still running.
     */
    public boolean compensate(UUID orderId, List<SagaStep> steps, OrderStatus outcome, String reason) {
        return update("""
                UPDATE customer_order SET saga_step = ?, saga_then = ?, saga_outcome = ?, saga_reason = ?,
                       saga_due_at = now(), saga_attempts = 0, saga_deadline = NULL
                 WHERE id = ? AND saga_step IS NULL""", statement -> {
            statement.setString(1, steps.get(0).name());
            statement.setString(2, joined(steps.subList(1, steps.size())));
            statement.setString(3, outcome == null ? null : outcome.name());
            statement.setString(4, reason);
            statement.setObject(5, orderId);
        }) == 1;
    }

    /** Takes the lease of the order's saga when its step is due and no replica holds it. */
    @Transactional
    public Optional<Claim> claim(UUID orderId, Duration lease) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     UPDATE customer_order SET saga_lease_until = now() + make_interval(secs => ?)
                      WHERE id = ? AND saga_step IS NOT NULL AND saga_due_at <= now()
                        AND (saga_lease_until IS NULL OR saga_lease_until < now())
                     RETURNING id, """ + STATE)) {
            claim.setDouble(1, lease.toMillis() / 1000.0);
            claim.setObject(2, orderId);
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? Optional.of(claimOf(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim the saga of order " + orderId, e);
        }
    }

    /** Takes the leases of up to {@code batch} due sagas that no replica holds (a dead replica's, or waiting ones). */
    @Transactional
    public List<UUID> claimDue(int batch, Duration lease) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     UPDATE customer_order SET saga_lease_until = now() + make_interval(secs => ?)
                      WHERE id IN (SELECT id FROM customer_order
                                    WHERE saga_step IS NOT NULL AND saga_due_at <= now()
                                      AND (saga_lease_until IS NULL OR saga_lease_until < now())
                                    ORDER BY saga_due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                     RETURNING id""")) {
            claim.setDouble(1, lease.toMillis() / 1000.0);
            claim.setInt(2, batch);
            List<UUID> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getObject(1, UUID.class));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due sagas", e);
        }
    }

    /** The saga's state under a lease this replica already holds (from {@link #claimDue}). */
    public Optional<Claim> held(UUID orderId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, " + STATE + " FROM customer_order WHERE id = ? AND saga_step IS NOT NULL")) {
            select.setObject(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(claimOf(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the saga of order " + orderId, e);
        }
    }

    private static Claim claimOf(ResultSet row) throws SQLException {
        String then = row.getString(5);
        String outcome = row.getString(6);
        Timestamp deadline = row.getTimestamp(4);
        return new Claim(row.getObject(1, UUID.class), SagaStep.valueOf(row.getString(2)), row.getInt(3),
                deadline == null ? null : deadline.toInstant(),
                then == null || then.isEmpty() ? List.of()
                        : Arrays.stream(then.split(",")).map(SagaStep::valueOf).toList(),
                outcome == null ? null : OrderStatus.valueOf(outcome), row.getString(7));
    }

    /** Writes that an attempt of a step starts, before it calls anyone; returns the log entry's id. */
    @Transactional
    public long started(UUID orderId, SagaStep step, int attempt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO saga_step (order_id, step, attempt, started_at) VALUES (?, ?, ?, now())
                     RETURNING id""")) {
            insert.setObject(1, orderId);
            insert.setString(2, step.name());
            insert.setInt(3, attempt);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not log the saga of order " + orderId, e);
        }
    }

    /** Completes a log entry with the attempt's outcome (done, refused, unanswered, waiting). */
    public void finished(long entryId, String outcome, String detail) {
        update("UPDATE saga_step SET outcome = ?, detail = ?, finished_at = now() WHERE id = ?", statement -> {
            statement.setString(1, outcome);
            statement.setString(2, detail == null || detail.length() <= MAX_DETAIL ? detail
                    : detail.substring(0, MAX_DETAIL));
            statement.setLong(3, entryId);
        });
    }

    /**
     * Moves the saga on: {@code step} next at {@code dueAt} ({@code step} null ends the saga), after {@code attempts}
     * attempts of it. The lease is kept when the next step is due at once, so this replica goes on with it.
     */
    public void moveOn(UUID orderId, SagaStep step, Instant dueAt, int attempts, Instant deadline,
                       List<SagaStep> then, OrderStatus outcome, String reason, boolean keepLease) {
        update("""
                UPDATE customer_order SET saga_step = ?, saga_due_at = ?, saga_attempts = ?, saga_deadline = ?,
                       saga_then = ?, saga_outcome = ?, saga_reason = ?,
                       saga_lease_until = CASE WHEN ? THEN saga_lease_until END
                 WHERE id = ?""", statement -> {
            statement.setString(1, step == null ? null : step.name());
            statement.setObject(2, dueAt == null ? null : Timestamp.from(dueAt));
            statement.setInt(3, attempts);
            statement.setObject(4, deadline == null ? null : Timestamp.from(deadline));
            statement.setString(5, then.isEmpty() ? null : joined(then));
            statement.setString(6, outcome == null ? null : outcome.name());
            statement.setString(7, reason);
            statement.setBoolean(8, keepLease && step != null);
            statement.setObject(9, orderId);
        });
    }

    /** Hands back the lease without moving the saga on (the attempt could not be recorded, or the server stops). */
    @Transactional
    public void letGo(UUID orderId) {
        update("UPDATE customer_order SET saga_lease_until = NULL WHERE id = ?",
                statement -> statement.setObject(1, orderId));
    }

    /** Makes a waiting or backing-off saga due now; returns whether it has a step to run. */
    @Transactional
    public boolean dueNow(UUID orderId) {
        return update("UPDATE customer_order SET saga_due_at = now() WHERE id = ? AND saga_step IS NOT NULL",
                statement -> statement.setObject(1, orderId)) == 1;
    }

    /** The order's log, oldest first: every attempt, or the latest {@link #MAX_TIMELINE} of a longer one. */
    public List<Entry> timeline(UUID orderId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT step, attempt, outcome, detail, started_at, finished_at FROM (
                         SELECT id, step, attempt, outcome, detail, started_at, finished_at FROM saga_step
                          WHERE order_id = ? ORDER BY id DESC LIMIT ?) latest
                      ORDER BY id""")) {
            select.setObject(1, orderId);
            select.setInt(2, MAX_TIMELINE);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(SagaStep.valueOf(rows.getString(1)), rows.getInt(2), rows.getString(3),
                            rows.getString(4), rows.getObject(5, OffsetDateTime.class),
                            rows.getObject(6, OffsetDateTime.class)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the saga of order " + orderId, e);
        }
    }

    /** How many sagas {@link #stuck} would list, without a limit. */
    public int countStuck(int attempts, Duration age) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("""
                     SELECT count(*) FROM customer_order
                      WHERE saga_step IS NOT NULL
                        AND (saga_attempts >= ? OR created_at < now() - make_interval(secs => ?))""")) {
            count.setInt(1, attempts);
            count.setDouble(2, age.toSeconds());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count stuck sagas", e);
        }
    }

    /** Sagas that have tried their step at least {@code attempts} times or whose order is older than {@code age}. */
    public List<Unfinished> stuck(int attempts, Duration age, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, saga_step, saga_attempts, saga_due_at, created_at FROM customer_order
                      WHERE saga_step IS NOT NULL
                        AND (saga_attempts >= ? OR created_at < now() - make_interval(secs => ?))
                      ORDER BY created_at LIMIT ?""")) {
            select.setInt(1, attempts);
            select.setDouble(2, age.toSeconds());
            select.setInt(3, limit);
            List<Unfinished> stuck = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stuck.add(new Unfinished(rows.getObject(1, UUID.class), SagaStep.valueOf(rows.getString(2)),
                            rows.getInt(3), rows.getObject(4, OffsetDateTime.class),
                            rows.getObject(5, OffsetDateTime.class)));
                }
            }
            return stuck;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find stuck sagas", e);
        }
    }

    private static String joined(List<SagaStep> steps) {
        return steps.stream().map(SagaStep::name).collect(Collectors.joining(","));
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the saga: " + sql.lines().findFirst().orElse(sql), e);
        }
    }
}
