package dev.shopstream.notifications.broadcast;

import dev.shopstream.notifications.template.TemplateKey.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A marketing message to a segment, sent from a time on: Mustache content in a default locale and optionally in
 * others. Immutable once scheduled, except that it can be cancelled until it is sent.
 *
 * @param cursor      the last user id queued (recipients are taken in user id order), empty before the first
 * @param allQueued   whether every recipient's delivery has been made
 */
public record Broadcast(UUID id, long seq, Segment segment, Instant orderedFrom, Instant orderedUntil,
                        Channel channel, Instant sendAt, Status status, String cursor, boolean allQueued,
                        List<Content> contents, String createdBy, Instant createdAt, Instant startedAt,
                        Instant finishedAt, String cancelledBy, Instant cancelledAt) {

    /** The most translations a broadcast has beside its default content. */
    public static final int MAX_TRANSLATIONS = 10;

    /** The event id its deliveries share, which keeps each recipient's delivery unique. */
    public static String eventId(UUID id) {
        return "broadcast:" + id;
    }

    public String eventId() {
        return eventId(id);
    }

    /** The default content, in which a recipient without a translation in their language reads it. */
    public Content defaultContent() {
        return contents.get(0);
    }

    public Optional<Content> content(String locale) {
        return contents.stream().filter(content -> content.locale().equals(locale)).findFirst();
    }

    public enum Status {
        /** Waiting for its time. */
        SCHEDULED,
        /** Its deliveries are being made in batches, or some of its mail is still to be handed over. */
        SENDING,
        /** Every recipient's delivery is made and none is still waiting to be sent. */
        SENT,
        /** Stopped by an admin: no delivery is made after, and its mail still waiting is not sent. */
        CANCELLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** Its subject, text and optional HTML body in one locale, Mustache like the templates. */
    public record Content(String locale, String subject, String textBody, String htmlBody) {
    }

    /** What an admin schedules. */
    public record Draft(Segment segment, Instant orderedFrom, Instant orderedUntil, Instant sendAt,
                        List<Content> contents) {
    }

    /** How its deliveries stand, from the delivery log. */
    public record Counts(long recipients, long queued, long sent, long failed, long dead) {
    }
}
