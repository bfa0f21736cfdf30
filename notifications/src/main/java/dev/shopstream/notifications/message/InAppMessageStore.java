package dev.shopstream.notifications.message;

import dev.shopstream.commons.db.Jdbc;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Users' in-app messages: one per event and notice, listed newest first, only ever to their own user. */
@ApplicationScoped
public class InAppMessageStore {

    private static final String COLUMNS = "id, seq, user_id, notice, title, body, order_id, created_at, read_at";

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

    /** The user's messages, newest first; {@code unreadOnly} leaves out those marked read. */
    public Page<InAppMessage> newestFirst(String userId, boolean unreadOnly, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeNumber(cursor);
        return Page.of(jdbc.list("SELECT " + COLUMNS + " FROM in_app_message WHERE user_id = ? AND seq < ?"
                                + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY seq DESC LIMIT ?",
                        InAppMessageStore::message, userId, before, limit + 1),
                limit, message -> Cursor.of(Long.toString(message.seq())));
    }

    public long unread(String userId) {
        return jdbc.first("SELECT count(*) FROM in_app_message WHERE user_id = ? AND read_at IS NULL",
                row -> row.getLong(1), userId).orElse(0L);
    }

    /** Marks one of the user's messages read (again: the first time counts); empty if it is not theirs. */
    public Optional<InAppMessage> markRead(String userId, UUID id) {
        jdbc.update("UPDATE in_app_message SET read_at = now() WHERE id = ? AND user_id = ? AND read_at IS NULL",
                id, userId);
        return jdbc.first("SELECT " + COLUMNS + " FROM in_app_message WHERE id = ? AND user_id = ?",
                InAppMessageStore::message, id, userId);
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
