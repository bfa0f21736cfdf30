package dev.shopstream.commons.audit;

import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The service's audit trail, newest first, for admins; optionally for one entity. */
@Path("/audit")
@Tag(name = "Audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog auditLog;

    @GET
    @RolesAllowed("admin")
    @SecurityRequirement(name = "keycloak")
    @Operation(operationId = "listAuditRecords", summary = "Read the audit trail",
            description = "Who changed what and when in this service, newest first: every staff change is recorded "
                    + "in the same transaction as the change. Filter by entity type, or by type and id for one "
                    + "entity's history. Admins only.")
    public Page<AuditRecord> list(@QueryParam("entityType") @Size(max = 100) String entityType,
                                  @QueryParam("entityId") @Size(max = 255) String entityId,
                                  @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeNumber(cursor);
        List<AuditRecord> records = auditLog.newestFirst(entityType, entityId, before, limit + 1);
        return Page.of(records, limit, record -> Cursor.of(Long.toString(record.id())));
    }
}
