package dev.shopstream.commons.audit;

import dev.shopstream.commons.correlation.CorrelationId;
import dev.shopstream.commons.json.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Records staff mutations in {@code audit_record}, inside the mutation's own transaction. */
@ApplicationScoped
public class AuditLog {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    JsonWebToken caller;

    /**
     * @param action     what happened, e.g. {@code product.updated}
     * @param entityType e.g. {@code product}
     * @param changes    from {@link Changes#between}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, JsonObject changes) {
        String actor = caller.getName() != null ? caller.getName() : "system";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO audit_record (actor, actor_subject, action, entity_type, entity_id, changes, correlation_id)
                     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
            insert.setString(1, actor);
            insert.setString(2, caller.getSubject());
            insert.setString(3, action);
            insert.setString(4, entityType);
            insert.setString(5, entityId.toString());
            insert.setString(6, changes.toString());
            insert.setString(7, CorrelationId.currentId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit record for " + action, e);
        }
    }

    /**
     * Replaces an erased person's name and subject in the audit records they left as staff: the records stay, as
     * the trail must, but no longer say who it was.
     *
     * @return how many records were changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetActor(String subject, String pseudonym) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_record SET actor = ?, actor_subject = NULL WHERE actor_subject = ?")) {
            update.setString(1, pseudonym);
            update.setString(2, subject);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not anonymise the audit records of an erased user", e);
        }
    }

    /** Up to {@code count} records with ids below {@code beforeId}, newest first; optionally of one entity (type, id). */
    public List<AuditRecord> newestFirst(String entityType, String entityId, long beforeId, int count) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, occurred_at, actor, actor_subject, action, entity_type, entity_id, changes::text,
                            correlation_id
                       FROM audit_record
                      WHERE id < ? AND (CAST(? AS text) IS NULL OR entity_type = ?)
                        AND (CAST(? AS text) IS NULL OR entity_id = ?)
                      ORDER BY id DESC LIMIT ?""")) {
            select.setLong(1, beforeId);
            select.setString(2, entityType);
            select.setString(3, entityType);
            select.setString(4, entityId);
            select.setString(5, entityId);
            select.setInt(6, count);
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new AuditRecord(rows.getLong(1), rows.getObject(2, OffsetDateTime.class),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), Jsonp.createReader(new StringReader(rows.getString(8))).readObject(),
                            rows.getString(9)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
    }
}
