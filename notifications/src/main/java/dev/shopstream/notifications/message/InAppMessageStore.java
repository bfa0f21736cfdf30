package dev.shopstream.notifications.message;

import dev.shopstream.commons.db.Jdbc;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.notifications.recipient.Recipients;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' in-app messages: one per event and notice, listed newest first, only ever to their own user. Where a
 * caller reads an {@link Inbox}, staff read their own messages and the shared staff messages together.
 */
@ApplicationScoped
public class InAppMessageStore {

    private static final String COLUMNS = "id, seq, user_id, notice, title, body, order_id, created_at, read_at";
    /** The messages of an {@link Inbox}: its user id and {@link Inbox#other()}. */
    private static final String OWN = "(user_id = ? OR user_id = ?)";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    /** @return the message stored; empty when the event had made this message already */
    public Optional<InAppMessage> add(String eventId, String userId, String notice, String title, String body,
                                      String orderId) {
        return jdbc.first("""
                INSERT INTO in_app_message (id, user_id, event_id, notice, title, body, order_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id, notice, user_id) DO NOTHING
                RETURNING\s""" + COLUMNS, InAppMessageStore::message,
                UUID.randomUUID(), userId, eventId, notice, title, body, orderId, Instant.now());
    }

    /** Whose messages a caller reads: their own, and for staff the shared staff messages too. */
    public record Inbox(String userId, boolean withStaff) {
        String other() {
            return withStaff ? Recipients.STAFF : userId;
        }
    }

    /** The inbox's messages, newest first; {@code unreadOnly} leaves out those marked read. */
    public Page<InAppMessage> newestFirst(Inbox inbox, boolean unreadOnly, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeNumber(cursor);
        return Page.of(jdbc.list("SELECT " + COLUMNS + " FROM in_app_message WHERE " + OWN + " AND seq < ?"
                                + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY seq DESC LIMIT ?",
                        InAppMessageStore::message, inbox.userId(), inbox.other(), before, limit + 1),
                limit, message -> Cursor.of(Long.toString(message.seq())));
    }

    public long unread(Inbox inbox) {
        return jdbc.first("SELECT count(*) FROM in_app_message WHERE " + OWN + " AND read_at IS NULL",
                row -> row.getLong(1), inbox.userId(), inbox.other()).orElse(0L);
    }

    /**
     * Marks one of the inbox's messages read (again: the first time counts; a staff message is read for all staff);
     * empty if it is not the inbox's.
     */
    public Optional<InAppMessage> markRead(Inbox inbox, UUID id) {
        jdbc.update("UPDATE in_app_message SET read_at = now() WHERE id = ? AND " + OWN + " AND read_at IS NULL",
                id, inbox.userId(), inbox.other());
        return jdbc.first("SELECT " + COLUMNS + " FROM in_app_message WHERE id = ? AND " + OWN,
                InAppMessageStore::message, id, inbox.userId(), inbox.other());
    }

    /** @return how many messages the erased user had; they are deleted */
    public int forget(String userId) {
        return jdbc.update("DELETE FROM in_app_message WHERE user_id = ?", userId);
    }

    private static InAppMessage message(ResultSet row) throws SQLException {
        return new InAppMessage(row.getObject("id", UUID.class), row.getLong("seq"), row.getString("user_id"),
                row.getString("notice"), row.getString("title"), row.getString("body"), row.getString("order_id"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "read_at"));
    }
}
