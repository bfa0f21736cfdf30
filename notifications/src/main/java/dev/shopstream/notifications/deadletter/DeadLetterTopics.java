package dev.shopstream.notifications.deadletter;

import dev.shopstream.commons.inbox.DeadLetters;
import dev.shopstream.commons.json.Jsonp;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads dead-letter topics with a plain kafka-clients consumer that is assigned partitions and joins no group, so
 * reading commits nothing and changes nothing for anyone: the latest records of each partition, or one record. One
 * consumer serves every read, one at a time (staff pages, not a hot path): a new consumer per read cost each page
 * hundreds of milliseconds of connecting and metadata. After a Kafka error it is replaced.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private KafkaConsumer<String, String> shared;

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    /** Kafka could not be read in time. */
    public static class UnreadableException extends RuntimeException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The latest {@code perPartition} records of each partition of the dead-letter topics, newest first, read by one
     * consumer (a consumer per topic cost a page a connection and a metadata round trip each).
     */
    public List<DeadLetter> latest(List<String> topics, int perPartition) {
        String names = String.join(", ", topics);
        return reading(names, consumer -> {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(each -> partitions.addAll(partitions(consumer, each)));
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(beginnings.get(partition), ends.get(partition) - perPartition));
            }
            List<DeadLetter> letters = new ArrayList<>();
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new UnreadableException("Reading " + names + " took longer than " + READ_TIMEOUT, null);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(letter(record)));
            }
            letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed());
            return letters;
        });
    }

    public Optional<DeadLetter> find(String topic, int partition, long offset) {
        return reading(topic, consumer -> {
            TopicPartition wanted = new TopicPartition(topic, partition);
            if (!partitions(consumer, topic).contains(wanted)) {
                return Optional.empty();
            }
            consumer.assign(List.of(wanted));
            long end = consumer.endOffsets(List.of(wanted), READ_TIMEOUT).get(wanted);
            if (offset < consumer.beginningOffsets(List.of(wanted), READ_TIMEOUT).get(wanted) || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(wanted, offset);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(letter(record));
                    }
                }
            }
            throw new UnreadableException("Reading " + topic + "/" + partition + "@" + offset + " timed out", null);
        });
    }

    /** Runs a read on the shared consumer, one at a time; {@code what} names the topics for error messages. */
    private synchronized <T> T reading(String what, Function<KafkaConsumer<String, String>, T> read) {
        if (shared == null) {
            shared = consumer();
        }
        try {
            return read.apply(shared);
        } catch (KafkaException e) {
            close();
            throw new UnreadableException("Could not read " + what + ": " + e.getMessage(), e);
        } finally {
            if (shared != null) {
                shared.unsubscribe();
            }
        }
    }

    @PreDestroy
    synchronized void close() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> found = consumer.partitionsFor(topic, READ_TIMEOUT);
        return found == null ? List.of()
                : found.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.CLIENT_ID_CONFIG, "notifications-dead-letters"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static DeadLetter letter(ConsumerRecord<String, String> record) {
        Optional<JsonObject> envelope = envelope(record.value());
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                clipped(header(record, DeadLetters.CONSUMER_HEADER), DeadLetter.MAX_CONSUMER_LENGTH),
                clipped(header(record, DeadLetters.REASON_HEADER), DeadLetter.MAX_REASON_LENGTH),
                clipped(header(record, DeadLetters.ORIGIN_HEADER), DeadLetter.MAX_ORIGIN_LENGTH),
                clipped(envelope.map(json -> json.getString("id", null)).orElse(null),
                        DeadLetter.MAX_EVENT_ATTRIBUTE_LENGTH),
                clipped(envelope.map(json -> json.getString("type", null)).orElse(null),
                        DeadLetter.MAX_EVENT_ATTRIBUTE_LENGTH),
                Instant.ofEpochMilli(record.timestamp()), record.value(), null, null, null);
    }

    /** The record's value as a JSON object, if it is one (a dead letter may be anything). */
    private static Optional<JsonObject> envelope(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Jsonp.createReader(new StringReader(value)).readObject());
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** A value cut to {@code max} characters, ending in an ellipsis when it was cut. */
    private static String clipped(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
