package dev.shopstream.commons.web;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP, on the way out: an entity's ETag is its {@code @Version}. Updates name it in
 * {@code If-Match} ({@link IfMatch}).
 */
public final class ConditionalRequests {

    private ConditionalRequests() {
    }

    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
