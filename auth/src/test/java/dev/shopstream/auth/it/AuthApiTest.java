package dev.shopstream.auth.it;

import dev.shopstream.devstack.demo.Totp;
import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.Mailbox;
import dev.shopstream.testkit.ServicePlatform;
import dev.shopstream.testkit.TokenEndpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every auth integration test starts from: the shared platform, a client for the API, Keycloak's token
 * endpoint, test users, and tokens of the demo staff (signed in once with their TOTP code, then refreshed).
 */
@ExtendWith(AuthPlatform.class)
abstract class AuthApiTest {

    static ServicePlatform platform;
    static Api api;
    static TokenEndpoint keycloak;
    static TestUsers users;
    static Mailbox mailbox;

    private static final StaffToken ADMIN = new StaffToken("admin", "admin-demo");
    private static final StaffToken SUPPORT = new StaffToken("support", "support-demo");

    @BeforeAll
    static void connect(ServicePlatform started) {
        platform = started;
        api = new Api(started.baseUri());
        if (keycloak == null) {
            // One for the whole run: it remembers which TOTP steps the staff sign-ins have used.
            keycloak = new TokenEndpoint(started.keycloak());
        }
        users = new TestUsers(started.keycloak());
        mailbox = new Mailbox(started);
    }

    @AfterAll
    static void disconnect() {
        users.close();
    }

    static String admin() {
        return ADMIN.current();
    }

    static String support() {
        return SUPPORT.current();
    }

    /** A customer's access token, signed in now. */
    static String signIn(TestUsers.TestUser user) {
        return keycloak.signIn(user.username(), TestUsers.PASSWORD).accessToken();
    }

    /** The CloudEvents types written to the outbox for an aggregate, oldest first. */
    static List<String> eventTypes(String aggregateId) throws SQLException {
        try (Connection connection = platform.database();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT event_type FROM outbox WHERE aggregate_id = ? ORDER BY id")) {
            select.setString(1, aggregateId);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    /** The envelope of the newest outbox event of a type for an aggregate. */
    static JsonObject eventPayload(String aggregateId, String type) throws SQLException {
        try (Connection connection = platform.database();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload::text FROM outbox WHERE aggregate_id = ? AND event_type = ? ORDER BY id DESC LIMIT 1")) {
            select.setString(1, aggregateId);
            select.setString(2, type);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("an outbox row " + type + " for " + aggregateId).isTrue();
                return Json.createReader(new StringReader(rows.getString(1))).readObject();
            }
        }
    }

    /** The value of the first user.events record with this key and CloudEvents type, read from Kafka. */
    static Optional<JsonObject> awaitUserEvent(String userId, String type, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("user.events"));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonObject event = Json.createReader(new StringReader(record.value())).readObject();
                    if (userId.equals(record.key()) && type.equals(event.getString("type"))) {
                        return Optional.of(event);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** A demo staff member's token: one sign-in with password and TOTP, then refresh-token grants. */
    private static final class StaffToken {
        private static final Duration RENEW_AFTER = Duration.ofMinutes(3);
        private final String username;
        private final String password;
        private String accessToken;
        private String refreshToken;
        private Instant issuedAt = Instant.MIN;

        StaffToken(String username, String password) {
            this.username = username;
            this.password = password;
        }

        synchronized String current() {
            if (Instant.now().isAfter(issuedAt.plus(RENEW_AFTER))) {
                TokenEndpoint.TokenResponse response = refreshToken == null ? null : keycloak.refresh(refreshToken);
                if (response == null || !response.ok()) {
                    response = keycloak.passwordWithTotp(username, password, Totp.DEMO_SECRET);
                }
                accessToken = response.accessToken();
                refreshToken = response.refreshToken();
                issuedAt = Instant.now();
            }
            return accessToken;
        }
    }
}
