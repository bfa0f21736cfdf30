package dev.shopstream.notifications.webhook;

import dev.shopstream.commons.db.Jdbc;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Integrators' webhook endpoints; an owner sees only their own, staff see all ({@code owner} empty). */
@ApplicationScoped
public class WebhookEndpointStore {

    private static final String COLUMNS = """
            id, seq, owner, url, event_types, description, status, consecutive_failures, disabled_reason, created_at,
            updated_at
            """;
    /** Of the owner given twice, or of anyone when it is null (staff). */
    private static final String OWNED = "(?::text IS NULL OR owner = ?)";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    public WebhookEndpoint add(String owner, String url, List<String> eventTypes, String description,
                               String secret) {
        return jdbc.first("""
                INSERT INTO webhook_endpoint (id, owner, url, event_types, description, secret, status, created_at,
                                              updated_at)
                VALUES (?, ?, ?, ?::text[], ?, ?, 'active', now(), now())
                RETURNING\s""" + COLUMNS, WebhookEndpointStore::endpoint,
                UUID.randomUUID(), owner, url, textArray(eventTypes), description, secret).orElseThrow();
    }

    public long countOf(String owner) {
        return jdbc.first("SELECT count(*) FROM webhook_endpoint WHERE owner = ?", row -> row.getLong(1), owner)
                .orElse(0L);
    }

    /** @param owner empty for staff, who see every endpoint */
    public Optional<WebhookEndpoint> find(UUID id, Optional<String> owner) {
        return jdbc.first("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ? AND " + OWNED,
                WebhookEndpointStore::endpoint, id, owner.orElse(null), owner.orElse(null));
    }

    /** Newest first, cursor-paged. */
    public Page<WebhookEndpoint> newestFirst(Optional<String> owner, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeNumber(cursor);
        return Page.of(jdbc.list("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE " + OWNED + " "
                                + "AND seq < ? ORDER BY seq DESC LIMIT ?", WebhookEndpointStore::endpoint,
                        owner.orElse(null), owner.orElse(null), before, limit + 1),
                limit, endpoint -> Cursor.of(Long.toString(endpoint.seq())));
    }

    /** The active endpoints subscribed to the event type. */
    public List<WebhookEndpoint> subscribedTo(String eventType) {
        return jdbc.list("SELECT " + COLUMNS
                        + " FROM webhook_endpoint WHERE status = 'active' AND ? = ANY (event_types)",
                WebhookEndpointStore::endpoint, eventType);
    }

    /** The endpoint's URL, secret and status as the sender needs them; empty once it is deleted. */
    public Optional<Target> target(UUID id) {
        return jdbc.first("SELECT url, secret, status FROM webhook_endpoint WHERE id = ?",
                row -> new Target(row.getString("url"), row.getString("secret"),
                        "active".equals(row.getString("status"))), id);
    }

    /** Where and how a delivery is posted. */
    public record Target(String url, String secret, boolean active) {
    }

    /** @return whether the endpoint was there to delete */
    public boolean delete(UUID id, Optional<String> owner) {
        return jdbc.update("DELETE FROM webhook_endpoint WHERE id = ? AND " + OWNED, id,
                owner.orElse(null), owner.orElse(null)) == 1;
    }

    /** Active again, its failures forgotten. */
    public Optional<WebhookEndpoint> enable(UUID id, Optional<String> owner) {
        return jdbc.first("""
                UPDATE webhook_endpoint SET status = 'active', consecutive_failures = 0, disabled_reason = NULL,
                                            updated_at = now()
                WHERE id = ? AND\s""" + OWNED + " RETURNING " + COLUMNS, WebhookEndpointStore::endpoint, id,
                owner.orElse(null), owner.orElse(null));
    }

    public Optional<WebhookEndpoint> rotateSecret(UUID id, String owner, String secret) {
        return jdbc.first("UPDATE webhook_endpoint SET secret = ?, updated_at = now() WHERE id = ? AND owner = ? "
                + "RETURNING " + COLUMNS, WebhookEndpointStore::endpoint, secret, id, owner);
    }

    public void succeeded(UUID id) {
        jdbc.update("UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures > 0",
                id);
    }

    /** @return the endpoint's failures in a row, this one included */
    public int failed(UUID id) {
        return jdbc.first("UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1 WHERE id = ? "
                + "RETURNING consecutive_failures", row -> row.getInt(1), id).orElse(0);
    }

    /** @return the endpoint, if this call disabled it (it was active) */
    public Optional<WebhookEndpoint> disable(UUID id, String reason) {
        return jdbc.first("""
                UPDATE webhook_endpoint SET status = 'disabled', disabled_reason = ?, updated_at = now()
                WHERE id = ? AND status = 'active'
                RETURNING\s""" + COLUMNS, WebhookEndpointStore::endpoint, clipped(reason), id);
    }

    private static String textArray(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "{", "}"));
    }

    private static String clipped(String reason) {
        return reason.length() <= WebhookEndpoint.MAX_REASON_LENGTH ? reason
                : reason.substring(0, WebhookEndpoint.MAX_REASON_LENGTH);
    }

    private static WebhookEndpoint endpoint(ResultSet row) throws SQLException {
        Array types = row.getArray("event_types");
        return new WebhookEndpoint(row.getObject("id", UUID.class), row.getLong("seq"), row.getString("owner"),
                row.getString("url"),
                Arrays.asList((String[]) types.getArray()), row.getString("description"),
                WebhookEndpoint.Status.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT)),
                row.getInt("consecutive_failures"), row.getString("disabled_reason"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"));
    }
}
