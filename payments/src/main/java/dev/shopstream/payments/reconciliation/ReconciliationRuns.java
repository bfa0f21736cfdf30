package dev.shopstream.payments.reconciliation;

import dev.shopstream.commons.outbox.Outbox;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.payments.events.GapFound;
import dev.shopstream.payments.events.PaymentEvents;
import dev.shopstream.payments.intent.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reconciliation's tables: runs and the gaps they found, and the books (ledger sums per payment) they compare.
 * A gap is recorded once; the first time, it is announced on payment.events and counted.
 */
@ApplicationScoped
public class ReconciliationRuns {

    private static final String RUN_COLUMNS = "id, provider, window_start, window_end, trigger, started_by, "
            + "execution_id, status, charges_checked, payments_checked, gaps_found, created_at, finished_at";
    private static final String BOOKS_QUERY = """
            SELECT p.id, p.status,
                   coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'authorize'), 0),
                   coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'capture'), 0),
                   coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'refund'), 0)
              FROM payment_intent p LEFT JOIN ledger_entry e ON e.intent_id = p.id
             WHERE p.provider = ? AND %s
             GROUP BY p.id, p.status""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    MetricRegistry metrics;

    /** A new run for the window; empty when the schedule already claimed this window. */
    @Transactional
    public Optional<Long> create(String provider, Instant from, Instant to, String trigger, String startedBy) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO reconciliation_run (provider, window_start, window_end, trigger, started_by)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")) {
            insert.setString(1, provider);
            insert.setTimestamp(2, Timestamp.from(from));
            insert.setTimestamp(3, Timestamp.from(to));
            insert.setString(4, trigger);
            insert.setString(5, startedBy);
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a reconciliation run", e);
        }
    }

    @Transactional
    public void started(long runId, long executionId) {
        update("UPDATE reconciliation_run SET execution_id = ? WHERE id = ?", executionId, runId);
    }

    @Transactional
    public void running(long runId) {
        update("UPDATE reconciliation_run SET status = 'running' WHERE id = ?", runId);
    }

    @Transactional
    public void failed(long runId) {
        update("UPDATE reconciliation_run SET status = 'failed', finished_at = now() WHERE id = ?", runId);
    }

    /** Records the run's findings; returns how many gaps were new. */
    @Transactional
    public int complete(ReconciliationRun run, int charges, int payments, List<Gap> gaps) {
        int recorded = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO reconciliation_gap (run_id, provider, kind, intent_id, provider_reference,
                                                     ledger_value, provider_value)
                     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")) {
            for (Gap gap : gaps) {
                insert.setLong(1, run.id());
                insert.setString(2, run.provider());
                insert.setString(3, gap.kind().code());
                insert.setObject(4, gap.intentId());
                insert.setString(5, gap.providerReference());
                insert.setString(6, gap.ledgerValue());
                insert.setString(7, gap.providerValue());
                try (ResultSet row = insert.executeQuery()) {
                    if (row.next()) {
                        announce(run, row.getLong(1), gap);
                        recorded++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record reconciliation gaps", e);
        }
        update("""
                UPDATE reconciliation_run SET status = 'completed', finished_at = now(), charges_checked = ?,
                       payments_checked = ?, gaps_found = ? WHERE id = ?""", charges, payments, recorded, run.id());
        return recorded;
    }

    private void announce(ReconciliationRun run, long gapId, Gap gap) {
        String subject = gap.intentId() != null ? gap.intentId().toString() : gap.providerReference();
        outbox.add(PaymentEvents.TOPIC, PaymentEvents.GAP_FOUND, subject, new GapFound(gapId, run.id(),
                run.provider(), gap.kind().code(), gap.intentId(), gap.providerReference(), gap.ledgerValue(),
                gap.providerValue(), run.windowStart(), run.windowEnd()));
        metrics.counter("payments.reconciliation.gaps", new Tag("kind", gap.kind().code())).inc();
    }

    public Optional<ReconciliationRun> find(long runId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(runOf(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read reconciliation run " + runId, e);
        }
    }

    /** Our books for the provider's payments created in the window. */
    public List<Books> booksCreatedBetween(String provider, OffsetDateTime from, OffsetDateTime to) {
        return books(String.format(BOOKS_QUERY, "p.created_at >= ? AND p.created_at < ?"), select -> {
            select.setString(1, provider);
            select.setObject(2, from);
            select.setObject(3, to);
        });
    }

    /** Our books for these payments, whenever they were created. */
    public List<Books> books(String provider, Collection<UUID> ids) {
        return books(String.format(BOOKS_QUERY, "p.id = ANY (?)"), select -> {
            select.setString(1, provider);
            Array array = select.getConnection().createArrayOf("uuid", ids.toArray());
            select.setArray(2, array);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Books> books(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            List<Books> books = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    books.add(new Books(rows.getObject(1, UUID.class), PaymentStatus.ofCode(rows.getString(2)),
                            rows.getLong(3), rows.getLong(4), rows.getLong(5)));
                }
            }
            return books;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the books", e);
        }
    }

    /** Gaps newest first, optionally of one kind or run. */
    public Page<GapRecord> gaps(Optional<GapKind> kind, Optional<Long> runId, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeNumber(cursor);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, run_id, provider, kind, intent_id, provider_reference, ledger_value, provider_value,
                            found_at
                       FROM reconciliation_gap
                      WHERE id < ? AND (CAST(? AS text) IS NULL OR kind = ?) AND (CAST(? AS bigint) IS NULL OR run_id = ?)
                      ORDER BY id DESC LIMIT ?""")) {
            String kindCode = kind.map(GapKind::code).orElse(null);
            select.setLong(1, before);
            select.setString(2, kindCode);
            select.setString(3, kindCode);
            select.setObject(4, runId.orElse(null), java.sql.Types.BIGINT);
            select.setObject(5, runId.orElse(null), java.sql.Types.BIGINT);
            select.setInt(6, limit + 1);
            List<GapRecord> gaps = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    gaps.add(new GapRecord(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getObject(5, UUID.class), rows.getString(6), rows.getString(7), rows.getString(8),
                            rows.getObject(9, OffsetDateTime.class)));
                }
            }
            return Page.of(gaps, limit, gap -> Cursor.of(Long.toString(gap.id())));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read reconciliation gaps", e);
        }
    }

    private static ReconciliationRun runOf(ResultSet row) throws SQLException {
        return new ReconciliationRun(row.getLong(1), row.getString(2), row.getObject(3, OffsetDateTime.class),
                row.getObject(4, OffsetDateTime.class), row.getString(5), row.getString(6),
                (Long) row.getObject(7), row.getString(8), (Integer) row.getObject(9), (Integer) row.getObject(10),
                (Integer) row.getObject(11), row.getObject(12, OffsetDateTime.class),
                row.getObject(13, OffsetDateTime.class));
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update a reconciliation run", e);
        }
    }
}
