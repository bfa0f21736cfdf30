package dev.shopstream.commons.web;

import dev.shopstream.commons.problem.PreconditionFailedException;
import dev.shopstream.commons.problem.PreconditionRequiredException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: an entity's ETag is its {@code @Version}, and an update must name the version it
 * was based on in {@code If-Match} (missing → 428, stale → 412).
 */
public final class ConditionalRequests {

    private ConditionalRequests() {
    }

    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks {@code If-Match} (a list of strong tags or {@code *}) against the entity's current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(
                    "Send If-Match with the ETag you last read, so that concurrent changes are not overwritten.");
        }
        String current = "\"" + currentVersion + "\"";
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException("The resource has changed since you read it (current ETag " + current
                + "); read it again and reapply your change.");
    }
}
