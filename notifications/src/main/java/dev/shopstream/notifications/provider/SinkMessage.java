package dev.shopstream.notifications.provider;

import dev.shopstream.notifications.template.TemplateKey.Channel;

import java.time.Instant;
import java.util.UUID;

/** An SMS or push notification the local sink recorded instead of sending it. */
public record SinkMessage(UUID id, long seq, UUID deliveryId, Channel channel, String userId, String notice,
                          String recipient, String platform, String title, String body, Instant createdAt) {
}
