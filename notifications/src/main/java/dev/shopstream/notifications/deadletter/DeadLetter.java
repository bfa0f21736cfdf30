package dev.shopstream.notifications.deadletter;

import java.time.Instant;

/**
 * A record one of notifications' consumers gave up on, as it lies in {@code <topic>.dlq}, and what its last replay
 * did (absent until staff replay it). What the record's headers and envelope say is cut to the limits here: a dead
 * letter may be anything.
 *
 * @param origin    where the record came from, {@code topic/partition@offset}
 * @param eventId   the CloudEvents id, when the record can be read as an envelope
 * @param lastReplay the outcome of the last replay: applied, duplicate, ignored or failed
 */
public record DeadLetter(String topic, int partition, long offset, String consumer, String reason, String origin,
                         String eventId, String eventType, Instant deadLetteredAt, String payload,
                         String lastReplay, String replayedBy, Instant replayedAt) {

    /** Kafka's limit on a topic's name. */
    public static final int MAX_TOPIC_LENGTH = 249;
    /** {@code topic/partition@offset}: a topic, an int and a long. */
    public static final int MAX_ORIGIN_LENGTH = MAX_TOPIC_LENGTH + 31;
    public static final int MAX_CONSUMER_LENGTH = 100;
    public static final int MAX_REASON_LENGTH = 1_000;
    /** The longest event id and event type kept from the envelope. */
    public static final int MAX_EVENT_ATTRIBUTE_LENGTH = 255;

    public DeadLetter replayed(String outcome, String by, Instant at) {
        return new DeadLetter(topic, partition, offset, consumer, reason, origin, eventId, eventType, deadLetteredAt,
                payload, outcome, by, at);
    }

    /** Whether a replay has had the effect (now or before): replaying all leaves it alone. */
    public boolean settled() {
        return "applied".equals(lastReplay) || "duplicate".equals(lastReplay) || "ignored".equals(lastReplay);
    }
}
