package dev.shopstream.commons.audit;

import jakarta.json.JsonObject;

import java.time.OffsetDateTime;

/** One audit entry as admins read it. */
public record AuditRecord(long id, OffsetDateTime occurredAt, String actor, String actorSubject, String action,
                          String entityType, String entityId, JsonObject changes, String correlationId) {
}
