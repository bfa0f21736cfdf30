package dev.shopstream.commons.inbox;

import dev.shopstream.commons.events.IdempotentProducers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes records a consumer gave up on to {@code <topic>.dlq}: the same key, value and headers, plus headers saying
 * which consumer gave up, why, and where the record came from, so staff can inspect and replay it. A plain
 * kafka-clients producer (acks=all, idempotent) rather than a Reactive Messaging emitter: the consumer must know the
 * dead letter is stored before it acknowledges the original, and the record keeps its key and headers.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String SUFFIX = ".dlq";
    public static final String CONSUMER_HEADER = "dlq-consumer";
    public static final String REASON_HEADER = "dlq-reason";
    public static final String ORIGIN_HEADER = "dlq-origin";

    @Inject
    IdempotentProducers producers;

    private Producer<String, String> producer;

    /**
     * Stores the record in its dead-letter topic and waits for the broker's acknowledgement.
     *
     * @throws DeadLetterNotStoredException if the broker did not take it; the caller tries again later
     */
    public void store(String consumer, ConsumerRecord<?, ?> original, String reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(original.topic() + SUFFIX,
                original.key() == null ? null : original.key().toString(),
                original.value() == null ? null : original.value().toString());
        for (Header header : original.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(CONSUMER_HEADER, bytes(consumer));
        letter.headers().add(REASON_HEADER, bytes(reason));
        letter.headers().add(ORIGIN_HEADER,
                bytes(original.topic() + "/" + original.partition() + "@" + original.offset()));
        try {
            producer().send(letter).get(producers.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new DeadLetterNotStoredException(original.topic() + SUFFIX, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterNotStoredException(original.topic() + SUFFIX, e);
        }
    }

    /** The broker did not acknowledge a dead letter in time. */
    public static class DeadLetterNotStoredException extends RuntimeException {
        DeadLetterNotStoredException(String topic, Throwable cause) {
            super("Could not write to " + topic, cause);
        }
    }

    private static byte[] bytes(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.create("dead-letters", new StringSerializer(), Map.of());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
