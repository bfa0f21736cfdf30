package dev.shopstream.notifications.deadletter;

import java.time.Instant;

/**
 * A record one of notifications' consumers gave up on, as it lies in {@code <topic>.dlq}, and what its last replay
 * did (absent until staff replay it).
 *
 * @param origin    where the record came from, {@code topic/partition@offset}
 * @param eventId   the CloudEvents id, when the record can be read as an envelope
 * @param lastReplay the outcome of the last replay: applied, duplicate, ignored or failed
 */
public record DeadLetter(String topic, int partition, long offset, String consumer, String reason, String origin,
                         String eventId, String eventType, Instant deadLetteredAt, String payload,
                         String lastReplay, String replayedBy, Instant replayedAt) {

    public DeadLetter replayed(String outcome, String by, Instant at) {
        return new DeadLetter(topic, partition, offset, consumer, reason, origin, eventId, eventType, deadLetteredAt,
                payload, outcome, by, at);
    }

    /** Whether a replay has had the effect (now or before): replaying all leaves it alone. */
    public boolean settled() {
        return "applied".equals(lastReplay) || "duplicate".equals(lastReplay) || "ignored".equals(lastReplay);
    }
}
