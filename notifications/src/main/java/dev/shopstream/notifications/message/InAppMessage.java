package dev.shopstream.notifications.message;

import java.time.Instant;
import java.util.UUID;

/** A message shown to one user in the shop; {@code readAt} is absent until they mark it read. */
public record InAppMessage(UUID id, long seq, String userId, String notice, String title, String body,
                           String orderId, Instant createdAt, Instant readAt) {
}
