package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.ServicePlatform;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every catalog integration test starts from: the shared platform, a client for its API, an admin token. */
@ExtendWith(CatalogPlatform.class)
abstract class CatalogApiTest {

    static ServicePlatform platform;
    static Api api;
    static String admin;

    @BeforeAll
    static void connect(ServicePlatform started) {
        platform = started;
        api = new Api(started.baseUri());
        admin = started.tokens().token("alice", "admin");
    }

    /** A consumer of product.events from its beginning, in a group of its own; the caller closes it. */
    static KafkaConsumer<String, String> productEventsConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("product.events"));
        return consumer;
    }
}
