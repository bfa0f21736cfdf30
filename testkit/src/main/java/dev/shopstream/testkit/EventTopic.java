package dev.shopstream.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * The producing service's side of one topic (docs/events/) for the tests of its consumers: produces CloudEvents as
 * the producer's outbox relay would, or anything else, to the platform's Kafka, and tells when a consumer group has
 * acknowledged a record and what reached the topic's dead-letter topic.
 */
public final class EventTopic {

    public static final String USER_EVENTS = "user.events";
    public static final String USER_DELETED = "dev.shopstream.auth.user.deleted";

    private final String bootstrapServers;
    private final String topic;

    public EventTopic(ServicePlatform platform, String topic) {
        this.bootstrapServers = platform.kafka().bootstrapServers();
        this.topic = topic;
    }

    /** A {@code user.deleted} envelope for the user, with a new event id. */
    public static Envelope userDeleted(String userId) {
        return envelope("/shopstream/auth", USER_DELETED, userId,
                Json.createObjectBuilder().add("userId", userId).add("deletedAt", Instant.now().toString()).build());
    }

    /** A structured-mode CloudEvents envelope with a new event id, as the services' outbox relays write them. */
    public static Envelope envelope(String source, String type, String subject, JsonObject data) {
        String id = UUID.randomUUID().toString();
        String json = Json.createObjectBuilder()
                .add("specversion", "1.0")
                .add("id", id)
                .add("source", source)
                .add("type", type)
                .add("subject", subject)
                .add("time", Instant.now().toString())
                .add("datacontenttype", "application/json")
                .add("correlationid", "it-" + id)
                .add("data", data)
                .build().toString();
        return new Envelope(id, subject, json);
    }

    public String deadLetterTopic() {
        return topic + ".dlq";
    }

    /** An event id, its subject (the Kafka key its producer uses) and the structured-mode CloudEvents JSON. */
    public record Envelope(String id, String subject, String json) {
    }

    /** Sends a record keyed by {@code key} and waits for the broker to take it. */
    public RecordMetadata send(String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the consumer group has committed an offset past the record, i.e. the service has settled and
     * acknowledged it (whatever its effect), or the deadline passes.
     */
    public void awaitAcknowledged(String group, RecordMetadata record, Duration timeout) throws InterruptedException {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (Instant.now().isBefore(deadline)) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                if (committed != null && committed.offset() > record.offset()) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the offsets of group " + group, e);
        }
        throw new AssertionError("Group " + group + " never acknowledged " + record);
    }

    /** The first dead letter that matches, read from the beginning of the dead-letter topic. */
    public Optional<ConsumerRecord<String, String>> awaitDeadLetter(Predicate<ConsumerRecord<String, String>> matching,
                                                                   Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic()));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (matching.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A header's value as text, or {@code null}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
