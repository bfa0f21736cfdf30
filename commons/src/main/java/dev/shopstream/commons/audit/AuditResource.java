package dev.shopstream.commons.audit;

import dev.shopstream.commons.json.Jsonp;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The service's audit trail, newest first, for admins; optionally for one entity. */
@Path("/audit")
@Tag(name = "Audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @GET
    @RolesAllowed("admin")
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Read the audit trail", description = "Who changed what and when, newest first.")
    public Page<AuditRecord> list(@QueryParam("entityType") String entityType,
                                  @QueryParam("entityId") String entityId,
                                  @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit)
            throws SQLException {
        long before = cursor == null ? Long.MAX_VALUE : idOf(cursor);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, occurred_at, actor, actor_subject, action, entity_type, entity_id, changes::text,
                            correlation_id
                       FROM audit_record
                      WHERE id < ? AND (CAST(? AS text) IS NULL OR entity_type = ?)
                        AND (CAST(? AS text) IS NULL OR entity_id = ?)
                      ORDER BY id DESC LIMIT ?""")) {
            select.setLong(1, before);
            select.setString(2, entityType);
            select.setString(3, entityType);
            select.setString(4, entityId);
            select.setString(5, entityId);
            select.setInt(6, limit + 1);
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new AuditRecord(rows.getLong(1), rows.getObject(2, OffsetDateTime.class),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), Jsonp.createReader(new StringReader(rows.getString(8))).readObject(),
                            rows.getString(9)));
                }
            }
            return Page.of(records, limit, record -> Cursor.of(Long.toString(record.id())));
        }
    }

    private static long idOf(String cursor) {
        try {
            return Long.parseLong(Cursor.decode(cursor, 1).keys().get(0));
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }
}
