package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.devstack.node.LibertyServerProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of catalog on one database: events are published once, idempotency keys hold across replicas, and
 * a change made through one replica reaches the product page the other has cached.
 */
class ReplicasIT extends CatalogApiTest {

    private static LibertyServerProcess replica;
    private static Api replicaApi;

    @BeforeAll
    static void startSecondReplica() throws IOException {
        replica = platform.startReplica();
        replicaApi = new Api(replica.baseUri());
    }

    @AfterAll
    static void stopSecondReplica() {
        replica.close();
    }

    @Test
    void productsWrittenThroughBothReplicasAreEachPublishedExactlyOnce() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<Callable<String>> creates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Api through = i % 2 == 0 ? api : replicaApi;
            String name = "Replica " + batch + " #" + i;
            creates.add(() -> Api.json(through.postJson("/api/products", Products.body(name, 100, "EUR"), admin))
                    .getString("id"));
        }
        Set<String> ids = new HashSet<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            for (Future<String> id : clients.invokeAll(creates)) {
                ids.add(id.get());
            }
        } finally {
            clients.shutdownNow();
        }

        Map<String, Integer> deliveries = countDeliveries(ids, Duration.ofSeconds(60));

        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(deliveries.values()).as("each event once, although both replicas relay").allMatch(count -> count == 1);
    }

    @Test
    void retryOnTheOtherReplicaReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = Products.body("Cross-replica toaster", 2999, "EUR");

        HttpResponse<String> first = api.postJson("/api/products", body, admin, "Idempotency-Key", key);
        HttpResponse<String> retry = replicaApi.postJson("/api/products", body, admin, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Api.json(retry).getString("id")).isEqualTo(Api.json(first).getString("id"));
    }

    @Test
    void aChangeThroughOneReplicaReachesThePageTheOtherCached() {
        String id = ProductPageCacheIT.product("Replicated clock", 4000);
        ProductPageCacheIT.page(replicaApi, id);
        ProductPageCacheIT.page(replicaApi, id);
        HttpResponse<String> staffView = api.get("/api/staff/products/" + id, admin);

        api.putJson("/api/products/" + id, Products.change(Api.json(staffView), 4100), admin,
                staffView.headers().firstValue("ETag").orElseThrow());

        assertThat(ProductPageCacheIT.awaitPage(replicaApi, id,
                        page -> page.getJsonObject("price").getInt("amountMinor") == 4100)
                .getJsonObject("price").getInt("amountMinor")).isEqualTo(4100);
    }

    /** Reads product.events from the start until every id has arrived, then a little longer to catch duplicates. */
    private static Map<String, Integer> countDeliveries(Set<String> ids, Duration timeout) {
        Map<String, Integer> deliveries = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = productEventsConsumer()) {
            Instant deadline = Instant.now().plus(timeout);
            Instant settled = null;
            while (Instant.now().isBefore(deadline) && (settled == null || Instant.now().isBefore(settled))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(record.key())) {
                        deliveries.merge(record.key(), 1, Integer::sum);
                    }
                }
                if (settled == null && deliveries.keySet().containsAll(ids)) {
                    settled = Instant.now().plusSeconds(3);
                }
            }
        }
        return deliveries;
    }
}
