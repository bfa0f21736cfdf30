package dev.shopstream.notifications.live;

import dev.shopstream.commons.db.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The users' live events and the streams open on them, in PostgreSQL so that every replica sees the same: an event
 * appended in the consumer's transaction notifies channel {@value #CHANNEL} when it commits, and whichever replica
 * holds the user's stream reads it from here.
 */
@ApplicationScoped
public class LiveEventStore {

    /** The PostgreSQL notification channel; its payload is the user id. */
    public static final String CHANNEL = "live_events";

    /** Seeds the per-user lock's hash, so it does not meet other advisory locks on the same ids. */
    private static final long LOCK_SPACE = 0x11fe;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    /**
     * Appends to the user's stream, once per event and kind, in the caller's transaction. The per-user lock, held
     * until that transaction ends, keeps the user's events committing in {@code seq} order, so a stream that read up
     * to one seq can never miss a smaller one committed later.
     */
    public void append(String userId, String eventId, String kind, String data) {
        lockUser(userId);
        if (jdbc.update("""
                INSERT INTO live_event (user_id, event_id, kind, data, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id, kind, user_id) DO NOTHING
                """, userId, eventId, kind, data, Instant.now()) == 1) {
            jdbc.list("SELECT pg_notify(?, ?)", row -> null, CHANNEL, userId);
        }
    }

    /** The user's events after {@code seq}, oldest first. */
    public List<LiveEvent> after(String userId, long seq, int limit) {
        return jdbc.list("SELECT seq, kind, data FROM live_event WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                row -> new LiveEvent(row.getLong("seq"), row.getString("kind"), row.getString("data")),
                userId, seq, limit);
    }

    /** The seq of the user's newest event, or 0: where a stream opened without Last-Event-ID starts. */
    public long latest(String userId) {
        return jdbc.first("SELECT coalesce(max(seq), 0) FROM live_event WHERE user_id = ?", row -> row.getLong(1),
                userId).orElse(0L);
    }

    /**
     * Registers a stream unless the user already has {@code cap} whose leases have not run out.
     *
     * @return whether it was registered
     */
    @Transactional
    public boolean open(UUID stream, String userId, int cap, Instant leaseUntil) {
        lockUser(userId);
        jdbc.update("DELETE FROM live_connection WHERE user_id = ? AND expires_at < now()", userId);
        long open = jdbc.first("SELECT count(*) FROM live_connection WHERE user_id = ?", row -> row.getLong(1),
                userId).orElse(0L);
        if (open >= cap) {
            return false;
        }
        jdbc.update("INSERT INTO live_connection (id, user_id, expires_at) VALUES (?, ?, ?)", stream, userId,
                leaseUntil);
        return true;
    }

    /** Extends the leases of this replica's open streams. */
    public void renew(Collection<UUID> streams, Instant leaseUntil) {
        if (!streams.isEmpty()) {
            jdbc.update("UPDATE live_connection SET expires_at = ? WHERE id = ANY (?::uuid[])", leaseUntil,
                    streams.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
        }
    }

    public void close(UUID stream) {
        jdbc.update("DELETE FROM live_connection WHERE id = ?", stream);
    }

    /** Forgets events older than {@code before} and leases that ran out (streams of replicas that died). */
    public void prune(Instant before) {
        jdbc.update("DELETE FROM live_event WHERE created_at < ?", before);
        jdbc.update("DELETE FROM live_connection WHERE expires_at < now()");
    }

    /** @return how many live events the erased user had; they are deleted */
    public int forget(String userId) {
        jdbc.update("DELETE FROM live_connection WHERE user_id = ?", userId);
        return jdbc.update("DELETE FROM live_event WHERE user_id = ?", userId);
    }

    private void lockUser(String userId) {
        jdbc.list("SELECT pg_advisory_xact_lock(hashtextextended(?, " + LOCK_SPACE + "))", row -> null, userId);
    }
}
