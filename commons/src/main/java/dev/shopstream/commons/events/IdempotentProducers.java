package dev.shopstream.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The plain kafka-clients producers for writes a caller waits on (the outbox relay, dead letters): idempotent with
 * acks=all, so a retried send is stored once, and every wait bounded by {@code shopstream.outbox.send-timeout}, so
 * a caller gives up within that time while the broker is away instead of blocking.
 */
@ApplicationScoped
public class IdempotentProducers {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "shopstream.service.name")
    String serviceName;

    @Inject
    @ConfigProperty(name = "shopstream.outbox.send-timeout", defaultValue = "PT10S")
    Duration sendTimeout;

    /** How long a send may take, from the call until the broker's acknowledgement. */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /**
     * A new producer with string keys, its client id {@code <service>-<purpose>}.
     *
     * @param tuning further producer settings, e.g. batching
     */
    public <V> Producer<String, V> create(String purpose, Serializer<V> valueSerializer, Map<String, Object> tuning) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-" + purpose);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int timeout = (int) sendTimeout.toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.putAll(tuning);
        return new KafkaProducer<>(config, new StringSerializer(), valueSerializer);
    }
}
