package dev.shopstream.commons.audit;

import dev.shopstream.commons.web.CorrelationId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
}
