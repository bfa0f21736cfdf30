package dev.shopstream.notifications.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An integrator's endpoint: the events of {@code eventTypes} are posted to {@code url}, signed with its secret. It
 * is disabled after too many failed attempts in a row (or when it answers 410 Gone) until its owner or an admin
 * enables it again.
 */
public record WebhookEndpoint(UUID id, long seq, String owner, String url, List<String> eventTypes, String description,
                              Status status, int consecutiveFailures, String disabledReason, Instant createdAt,
                              Instant updatedAt) {

    public static final int MAX_URL_LENGTH = 2_000;
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    public static final int MAX_REASON_LENGTH = 1_000;

    public enum Status {
        ACTIVE, DISABLED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
