package dev.shopstream.commons.idempotency;

import dev.shopstream.commons.CommonsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim protocol against real PostgreSQL, with the schema from commons' own migrations. */
@ExtendWith(CommonsDatabase.Extension.class)
class IdempotencyStoreTest {

    private static final Duration DAY = Duration.ofHours(24);

    private IdempotencyStore store;
    private String key;

    @BeforeEach
    void connect(CommonsDatabase database) {
        store = new IdempotencyStore(database.dataSource());
        key = UUID.randomUUID().toString();
    }

    @Test
    void firstClaimIsGrantedAndASecondWhileRunningIsToldToWait() {
        assertThat(store.claim("alice", key, "hash-1", DAY)).isInstanceOf(IdempotencyStore.Claim.Granted.class);
        assertThat(store.claim("alice", key, "hash-1", DAY)).isInstanceOf(IdempotencyStore.Claim.InProgress.class);
    }

    @Test
    void completedRequestIsReplayedWithItsStatusHeadersAndBody() {
        store.claim("alice", key, "hash-1", DAY);
        byte[] body = "{\"id\":\"p-1\"}".getBytes(StandardCharsets.UTF_8);
        store.complete("alice", key, new StoredResponse(201, Map.of("Location", "http://x/p-1"), body));

        IdempotencyStore.Claim claim = store.claim("alice", key, "hash-1", DAY);

        assertThat(claim).isInstanceOfSatisfying(IdempotencyStore.Claim.Replay.class, replay -> {
            assertThat(replay.response().status()).isEqualTo(201);
            assertThat(replay.response().headers()).containsEntry("Location", "http://x/p-1");
            assertThat(replay.response().body()).isEqualTo(body);
        });
    }

    @Test
    void sameKeyForADifferentRequestIsAMismatch() {
        store.claim("alice", key, "hash-1", DAY);

        assertThat(store.claim("alice", key, "hash-2", DAY)).isInstanceOf(IdempotencyStore.Claim.Mismatch.class);
    }

    @Test
    void keysOfDifferentPrincipalsDoNotMeet() {
        store.claim("alice", key, "hash-1", DAY);

        assertThat(store.claim("bob", key, "hash-1", DAY)).isInstanceOf(IdempotencyStore.Claim.Granted.class);
    }

    @Test
    void releasedClaimCanBeClaimedAgain() {
        store.claim("alice", key, "hash-1", DAY);
        store.release("alice", key);

        assertThat(store.claim("alice", key, "hash-2", DAY)).isInstanceOf(IdempotencyStore.Claim.Granted.class);
    }

    @Test
    void expiredKeyIsClaimedAfreshAndPurged() throws Exception {
        store.claim("alice", key, "hash-1", Duration.ZERO);
        Thread.sleep(5); // now() moves on between transactions, so the key is past its expiry

        assertThat(store.claim("alice", key, "hash-2", DAY)).isInstanceOf(IdempotencyStore.Claim.Granted.class);
        String other = UUID.randomUUID().toString();
        store.claim("alice", other, "hash-1", Duration.ZERO);
        Thread.sleep(5);
        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(store.claim("alice", other, "hash-9", DAY)).isInstanceOf(IdempotencyStore.Claim.Granted.class);
    }

    @Test
    void forgettingAPersonDropsTheirKeysAndReplacesTheirIdInResponsesStoredForOthers() {
        String erased = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        store.claim(erased, key, "hash-1", DAY);
        store.complete(erased, key, new StoredResponse(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)));
        store.claim("orders-service", key, "hash-1", DAY);
        store.complete("orders-service", key, new StoredResponse(201, Map.of(),
                ("{\"customerId\":\"" + erased + "\"}").getBytes(StandardCharsets.UTF_8)));
        String otherKey = UUID.randomUUID().toString();
        store.claim("orders-service", otherKey, "hash-1", DAY);
        byte[] othersBody = ("{\"customerId\":\"" + other + "\"}").getBytes(StandardCharsets.UTF_8);
        store.complete("orders-service", otherKey, new StoredResponse(201, Map.of(), othersBody));

        store.forget(erased, "erased-1");

        assertThat(store.claim(erased, key, "hash-1", DAY)).as("their own key is gone")
                .isInstanceOf(IdempotencyStore.Claim.Granted.class);
        assertThat(store.claim("orders-service", key, "hash-1", DAY))
                .isInstanceOfSatisfying(IdempotencyStore.Claim.Replay.class, replay ->
                        assertThat(new String(replay.response().body(), StandardCharsets.UTF_8))
                                .isEqualTo("{\"customerId\":\"erased-1\"}"));
        assertThat(store.claim("orders-service", otherKey, "hash-1", DAY))
                .isInstanceOfSatisfying(IdempotencyStore.Claim.Replay.class, replay ->
                        assertThat(replay.response().body()).as("someone else's response").isEqualTo(othersBody));
    }
}
