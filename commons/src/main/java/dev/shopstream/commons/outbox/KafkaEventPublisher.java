package dev.shopstream.commons.outbox;

import dev.shopstream.commons.correlation.CorrelationId;
import dev.shopstream.commons.events.CloudEventEnvelope;
import dev.shopstream.commons.events.IdempotentProducers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends outbox rows to Kafka with an idempotent producer (acks=all), keyed by aggregate id, with the correlation
 * id and trace context as headers. Bounded timeouts let the relay give up quickly while the broker is away.
 */
@ApplicationScoped
public class KafkaEventPublisher {

    @Inject
    IdempotentProducers producers;

    private Producer<String, byte[]> producer;

    /**
     * How a batch went: the events acknowledged, counted from the first, and the failure that stopped the rest.
     */
    public record Outcome(int acknowledged, Exception failure) {
    }

    /** Sends the events in order and waits for the broker's acknowledgements. */
    public synchronized Outcome publish(List<PendingEvent> events) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        Exception failure = null;
        try {
            for (PendingEvent event : events) {
                acknowledgements.add(producer().send(recordOf(event)));
            }
        } catch (RuntimeException e) {
            // send() itself failed (e.g. no metadata within max.block.ms); earlier sends may still be acknowledged.
            failure = e;
        }
        producer().flush();
        int acknowledged = 0;
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
                acknowledged++;
            } catch (ExecutionException e) {
                return new Outcome(acknowledged, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(acknowledged, e);
            }
        }
        return new Outcome(acknowledged, failure);
    }

    private static ProducerRecord<String, byte[]> recordOf(PendingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.aggregateId(), event.envelope());
        record.headers().add("content-type", CloudEventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (event.correlationId() != null) {
            record.headers().add(CorrelationId.HEADER, event.correlationId().getBytes(StandardCharsets.UTF_8));
        }
        if (event.traceparent() != null) {
            record.headers().add(CorrelationId.TRACEPARENT_HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.create("outbox-relay", new ByteArraySerializer(), Map.of(
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                    ProducerConfig.LINGER_MS_CONFIG, 5));
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
