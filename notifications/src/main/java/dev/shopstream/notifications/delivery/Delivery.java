package dev.shopstream.notifications.delivery;

import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.template.TemplateKey.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient on one channel, rendered when it was queued, with where its sending stands.
 *
 * @param recipient the address it goes to (an e-mail address); masked wherever staff read it
 * @param category  marketing mail carries one-click unsubscribe headers
 */
public record Delivery(UUID id, long seq, String eventId, String notice, Channel channel, String userId,
                       String recipient, String locale, int templateVersion, String subject, String textBody,
                       String htmlBody, Status status, int attempts, Instant nextAttemptAt, String lastError,
                       Instant createdAt, Instant sentAt, Category category) {

    /** The longest error the log keeps (of a delivery and of each attempt); a longer one is cut short. */
    public static final int MAX_ERROR_LENGTH = 1_000;
    /** The most attempts the log lists for one delivery: the first ones. */
    public static final int MAX_ATTEMPTS_LISTED = 100;

    public enum Status {
        /** Waiting for its first attempt. */
        QUEUED,
        /** Handed to the channel (the SMTP server took it; the in-app message is stored). */
        SENT,
        /** The last attempt failed; it is tried again at {@code nextAttemptAt}. */
        FAILED,
        /** Given up on after the last attempt, or unsendable (no address, erased recipient, cancelled broadcast). */
        DEAD;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What a new delivery is made of. */
    public record Draft(String eventId, String notice, Channel channel, String userId, String recipient,
                        String locale, int templateVersion, String subject, String textBody, String htmlBody,
                        Category category) {
    }

    /** One attempt to send, for the delivery log. */
    public record Attempt(int attempt, boolean sent, String error, Instant at) {
    }
}
