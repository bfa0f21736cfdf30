package dev.shopstream.commons.inbox;

import dev.shopstream.commons.db.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a service's {@code @Incoming} method hands each Kafka record to: reads the CloudEvents envelope, applies the
 * handler registered for the event's type once (its effect and the {@link Inbox} record in one transaction), retries
 * a failing effect with exponential backoff, and when it gives up — or the event cannot be read at all — writes the
 * record to {@code <topic>.dlq} ({@link DeadLetters}). Then it acknowledges, always: Liberty's Kafka connector stops
 * the whole channel on a nack, so one bad event would otherwise block every later one. Events of types without a
 * handler are acknowledged without a record.
 *
 * <p>The work runs on the server's managed executor, not the connector's thread, and the returned stage completes
 * once the record is settled and acknowledged, so a channel processes its records one after another, in order.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class.getName());
    private static final Duration SCHEMA_WAIT = Duration.ofMillis(200);

    @Resource
    ManagedExecutorService executor;

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    SchemaMigration schema;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "shopstream.events.retry.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "shopstream.events.retry.initial-backoff", defaultValue = "PT0.2S")
    Duration initialBackoff;

    @Inject
    @ConfigProperty(name = "shopstream.events.retry.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    /**
     * @param consumer the inbox's consumer name, e.g. {@code catalog.user-erasure}: de-duplication is per consumer
     * @param handlers the effect per CloudEvents type
     * @return completes when the record is settled and acknowledged; it never fails for a bad event
     */
    public CompletionStage<Void> consume(String consumer, Message<String> message, Map<String, EventHandler> handlers) {
        return CompletableFuture.supplyAsync(() -> settle(consumer, message, handlers), executor)
                .thenCompose(settled -> settled ? message.ack() : CompletableFuture.completedFuture(null));
    }

    /** What applying a dead letter's event again did. */
    public enum Replayed {
        /** The effect happened now. */
        APPLIED,
        /** The event had had its effect already (an earlier delivery or replay): nothing happened. */
        DUPLICATE,
        /** The consumer has no handler for the event's type. */
        IGNORED
    }

    /**
     * Applies an event again, now, with the consumer's handlers and its inbox, so it has its effect at most once
     * however often it is delivered and replayed. Nothing is retried or dead-lettered: the caller (staff replaying a
     * dead letter) sees the failure.
     *
     * @throws UnprocessableEventException if the envelope cannot be read, or the handler finds the event unusable
     */
    public Replayed replay(String consumer, String envelope, Map<String, EventHandler> handlers) {
        ReceivedEvent event = ReceivedEvent.parse(envelope);
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            return Replayed.IGNORED;
        }
        return inbox.applyOnce(consumer, event, handler) ? Replayed.APPLIED : Replayed.DUPLICATE;
    }

    /** @return {@code false} only when interrupted (the server is stopping): the record stays unacknowledged */
    private boolean settle(String consumer, Message<String> message, Map<String, EventHandler> handlers) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
        if (!awaitSchema()) {
            return false;
        }
        ReceivedEvent event;
        try {
            event = ReceivedEvent.parse(message.getPayload());
        } catch (UnprocessableEventException e) {
            return deadLetter(consumer, record, e.getMessage());
        }
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            return true;
        }
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = inbox.applyOnce(consumer, event, handler);
                LOG.fine(() -> consumer + (applied ? " applied " : " skipped duplicate ") + event.type() + " "
                        + event.id());
                return true;
            } catch (UnprocessableEventException e) {
                return deadLetter(consumer, record, e.getMessage());
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    return deadLetter(consumer, record, "Gave up after " + attempt + " attempts: " + e);
                }
                int failed = attempt;
                LOG.log(Level.WARNING, e, () -> consumer + " failed on event " + event.id() + " (attempt " + failed
                        + " of " + maxAttempts + "); retrying");
                if (!pause(backoff)) {
                    return false;
                }
                backoff = doubled(backoff);
            }
        }
    }

    /** Until the broker takes the dead letter: acknowledging without it would lose the event. */
    private boolean deadLetter(String consumer, ConsumerRecord<String, String> record, String reason) {
        Duration backoff = initialBackoff;
        while (true) {
            try {
                deadLetters.store(consumer, record, reason);
                metrics.counter("events.dead.lettered", new Tag("consumer", consumer),
                        new Tag("topic", record.topic())).inc();
                LOG.warning(() -> consumer + " dead-lettered " + record.topic() + "/" + record.partition() + "@"
                        + record.offset() + ": " + reason);
                return true;
            } catch (DeadLetters.DeadLetterNotStoredException e) {
                LOG.log(Level.WARNING, e, () -> consumer + " could not dead-letter " + record.topic() + "/"
                        + record.partition() + "@" + record.offset() + "; retrying");
                if (!pause(backoff)) {
                    return false;
                }
                backoff = doubled(backoff);
            }
        }
    }

    /** Records can arrive while the application starts; the inbox table exists once the schema is migrated. */
    private boolean awaitSchema() {
        while (!schema.isComplete()) {
            if (!pause(SCHEMA_WAIT)) {
                return false;
            }
        }
        return true;
    }

    private Duration doubled(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
