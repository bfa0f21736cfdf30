package dev.shopstream.commons.idempotency;

import dev.shopstream.commons.json.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Idempotency keys in the service's database, so every replica sees them. A key belongs to one principal, is
 * claimed atomically ({@code INSERT ... ON CONFLICT}), and may be claimed again once it has expired.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a request that presents a key is to do. */
    public sealed interface Claim {
        /** The key is new (or expired): process the request, then {@link #complete} or {@link #release} it. */
        record Granted() implements Claim {
        }

        /** The same request was already answered: replay the answer. */
        record Replay(StoredResponse response) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The first request with this key has not finished yet. */
        record InProgress() implements Claim {
        }
    }

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /**
     * The same database for {@link #claim}, through connections that are not shared. A request claims its key
     * before its own transaction starts. Outside a transaction, Liberty keeps a shareable connection for the rest of
     * the request (its local transaction containment), so the transaction takes a second one; under load every
     * thread held one and waited at the claim for another until the pool's timeout. An unshared connection goes
     * back to the pool when it is closed. The answer is stored through the shareable one: by then the transaction
     * has ended, and the connection the request may still hold is reused rather than another taken.
     */
    @Resource(lookup = "jdbc/shopstream", shareable = false)
    DataSource claims;

    public IdempotencyStore() {
    }

    IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.claims = dataSource;
    }

    public Claim claim(String principal, String key, String requestHash, Duration ttl) {
        try (Connection connection = claims.getConnection()) {
            if (insertOrReclaimExpired(connection, principal, key, requestHash, ttl)) {
                return new Claim.Granted();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT request_hash, completed, response_status, response_headers, response_body
                      FROM idempotency_key WHERE principal = ? AND idempotency_key = ?""")) {
                select.setString(1, principal);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // Released between our insert attempt and this read: the caller may simply retry.
                        return new Claim.InProgress();
                    }
                    if (!row.getString("request_hash").equals(requestHash)) {
                        return new Claim.Mismatch();
                    }
                    if (!row.getBoolean("completed")) {
                        return new Claim.InProgress();
                    }
                    return new Claim.Replay(new StoredResponse(row.getInt("response_status"),
                            headersFromJson(row.getString("response_headers")), row.getBytes("response_body")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key store unavailable", e);
        }
    }

    private static boolean insertOrReclaimExpired(Connection connection, String principal, String key,
                                                  String requestHash, Duration ttl) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO idempotency_key (principal, idempotency_key, request_hash, completed, expires_at)
                VALUES (?, ?, ?, FALSE, now() + make_interval(secs => ?))
                ON CONFLICT (principal, idempotency_key) DO UPDATE
                   SET request_hash = EXCLUDED.request_hash, completed = FALSE, response_status = NULL,
                       response_headers = NULL, response_body = NULL, created_at = now(),
                       expires_at = EXCLUDED.expires_at
                 WHERE idempotency_key.expires_at < now()""")) {
            insert.setString(1, principal);
            insert.setString(2, key);
            insert.setString(3, requestHash);
            insert.setLong(4, ttl.toSeconds());
            return insert.executeUpdate() == 1;
        }
    }

    public void complete(String principal, String key, StoredResponse response) {
        execute("""
                UPDATE idempotency_key SET completed = TRUE, response_status = ?, response_headers = ?::jsonb,
                       response_body = ? WHERE principal = ? AND idempotency_key = ?""", statement -> {
            statement.setInt(1, response.status());
            statement.setString(2, headersToJson(response.headers()));
            statement.setBytes(3, response.body());
            statement.setString(4, principal);
            statement.setString(5, key);
        });
    }

    /** Forgets a claim whose request failed on our side, so that the client's retry is processed afresh. */
    public void release(String principal, String key) {
        execute("DELETE FROM idempotency_key WHERE principal = ? AND idempotency_key = ? AND completed = FALSE",
                statement -> {
                    statement.setString(1, principal);
                    statement.setString(2, key);
                });
    }

    /**
     * Forgets an erased person: deletes the keys they used (their stored responses are about them) and replaces
     * their subject in the responses stored for other callers (e.g. a service that created a payment for them).
     */
    public void forget(String subject, String pseudonym) {
        execute("DELETE FROM idempotency_key WHERE principal = ?", statement -> statement.setString(1, subject));
        execute("""
                UPDATE idempotency_key
                   SET response_body = convert_to(replace(convert_from(response_body, 'UTF8'), ?, ?), 'UTF8')
                 WHERE position(convert_to(?, 'UTF8') IN response_body) > 0""", statement -> {
            statement.setString(1, subject);
            statement.setString(2, pseudonym);
            statement.setString(3, subject);
        });
    }

    /** Deletes expired keys; returns how many. */
    public int purgeExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM idempotency_key WHERE expires_at < now()")) {
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key store unavailable", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key store unavailable", e);
        }
    }

    private static String headersToJson(Map<String, String> headers) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        headers.forEach(json::add);
        return json.build().toString();
    }

    private static Map<String, String> headersFromJson(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json != null) {
            JsonObject object = Jsonp.createReader(new StringReader(json)).readObject();
            object.forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
        }
        return headers;
    }
}
