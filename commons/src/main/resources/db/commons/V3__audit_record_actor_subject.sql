-- Finds the records a person left as staff when they are erased (AuditLog.forgetActor).
CREATE INDEX audit_record_actor_subject ON audit_record (actor_subject) WHERE actor_subject IS NOT NULL;
