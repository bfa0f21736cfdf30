package dev.shopstream.commons.audit;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One audit entry as admins read it. */
public record AuditRecord(long id,
                          OffsetDateTime occurredAt,
                          @Schema(maxLength = 255, description = "The staff member's user name, or the client's id")
                          String actor,
                          @Schema(maxLength = 255, description = "The actor's token subject; absent once erased")
                          String actorSubject,
                          @Schema(maxLength = 100, example = "user.roles-changed") String action,
                          @Schema(maxLength = 100, example = "user") String entityType,
                          @Schema(maxLength = 255) String entityId,
                          @Schema(description = "The fields changed, with their values before and after")
                          JsonObject changes,
                          @Schema(maxLength = 100) String correlationId) {
}
