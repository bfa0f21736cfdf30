package dev.shopstream.notifications.delivery;

import dev.shopstream.commons.db.Jdbc;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deliveries and their attempts. The dispatcher leases due deliveries (every replica runs it; {@code SKIP LOCKED}
 * keeps them apart) by pushing their next attempt past the lease, sends them outside any transaction, and records
 * each outcome; a replica that dies mid-send leaves the delivery to be taken up again when the lease runs out.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String COLUMNS = """
            id, seq, event_id, notice, channel, user_id, recipient, locale, template_version, subject, text_body,
            html_body, status, attempts, next_attempt_at, last_error, created_at, sent_at, category
            """;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    /** What staff filter the delivery log by; each part optional. */
    public record Filter(Optional<Delivery.Status> status, Optional<Channel> channel, Optional<String> userId,
                         Optional<String> notice, Optional<String> recipient) {
    }

    /**
     * Queues a delivery for the dispatcher, or, with {@code status} {@code sent} or {@code dead}, records one that
     * needs no sending (an in-app message, stored already) or cannot be sent (no address).
     *
     * @return the new delivery's id, or empty when this event already made this delivery
     */
    public Optional<UUID> add(Delivery.Draft draft, Delivery.Status status, String error) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int added = jdbc.update("""
                INSERT INTO delivery (id, event_id, notice, channel, user_id, recipient, locale, template_version,
                                      subject, text_body, html_body, status, next_attempt_at, last_error,
                                      created_at, sent_at, updated_at, category)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id, notice, channel, recipient) DO NOTHING
                """, id, draft.eventId(), draft.notice(), draft.channel().code(), draft.userId(), draft.recipient(),
                draft.locale(), draft.templateVersion(), draft.subject(), draft.textBody(), draft.htmlBody(),
                status.code(), status == Delivery.Status.QUEUED ? now : null, clipped(error), now,
                status == Delivery.Status.SENT ? now : null, now, draft.category().code());
        return added == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Leases up to {@code limit} due deliveries of the channel for {@code lease}, oldest due first. */
    public List<Delivery> leaseDue(Channel channel, int limit, Duration lease) {
        return jdbc.list("""
                UPDATE delivery SET next_attempt_at = now() + ?::interval, updated_at = now()
                WHERE id IN (SELECT id FROM delivery
                             WHERE status IN ('queued', 'failed') AND channel = ? AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING
                """ + COLUMNS, DeliveryStore::delivery, lease.toMillis() + " milliseconds", channel.code(), limit);
    }

    public void sent(Delivery delivery) {
        record(delivery, "sent", null, null);
    }

    /** @param retryAt when to try again, or {@code null} to give up (the delivery is dead) */
    public void failed(Delivery delivery, String error, Instant retryAt) {
        record(delivery, retryAt == null ? "dead" : "failed", error, retryAt);
    }

    /**
     * Whether a leased delivery is still to be sent: not given up on since it was leased (its broadcast cancelled,
     * its recipient erased).
     */
    public boolean stillToSend(Delivery delivery) {
        return jdbc.first("SELECT status IN ('queued', 'failed') FROM delivery WHERE id = ?",
                row -> row.getBoolean(1), delivery.id()).orElse(false);
    }

    /** A failed attempt leaves a delivery given up on meanwhile (cancelled, erased) as it is; the attempt is logged. */
    private void record(Delivery delivery, String status, String failure, Instant retryAt) {
        int attempt = delivery.attempts() + 1;
        String error = clipped(failure);
        jdbc.update("""
                UPDATE delivery SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = now(),
                                    sent_at = CASE WHEN ? = 'sent' THEN now() END
                WHERE id = ? AND (status <> 'dead' OR ? = 'sent')
                """, status, attempt, error, retryAt, status, delivery.id(), status);
        jdbc.update("INSERT INTO delivery_attempt (delivery_id, attempt, outcome, error, at) VALUES (?, ?, ?, ?, now())",
                delivery.id(), attempt, "sent".equals(status) ? "sent" : "failed", error);
    }

    /** Newest first, cursor-paged. */
    public Page<Delivery> newestFirst(Filter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM delivery WHERE true");
        List<Object> parameters = new ArrayList<>();
        filter.status().ifPresent(status -> add(sql, parameters, " AND status = ?", status.code()));
        filter.channel().ifPresent(channel -> add(sql, parameters, " AND channel = ?", channel.code()));
        filter.userId().ifPresent(userId -> add(sql, parameters, " AND user_id = ?", userId));
        filter.notice().ifPresent(notice -> add(sql, parameters, " AND notice = ?", notice));
        filter.recipient().ifPresent(recipient -> add(sql, parameters, " AND recipient = ?", recipient));
        if (cursor != null) {
            add(sql, parameters, " AND seq < ?", Cursor.decodeNumber(cursor));
        }
        add(sql, parameters, " ORDER BY seq DESC LIMIT ?", limit + 1);
        return Page.of(jdbc.list(sql.toString(), DeliveryStore::delivery, parameters.toArray()), limit,
                delivery -> Cursor.of(Long.toString(delivery.seq())));
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM delivery WHERE id = ?", DeliveryStore::delivery, id);
    }

    public List<Delivery.Attempt> attempts(UUID id) {
        return jdbc.list("SELECT attempt, outcome, error, at FROM delivery_attempt WHERE delivery_id = ?"
                        + " ORDER BY attempt LIMIT " + Delivery.MAX_ATTEMPTS_LISTED,
                row -> new Delivery.Attempt(row.getInt("attempt"), "sent".equals(row.getString("outcome")),
                        row.getString("error"), Jdbc.instant(row, "at")), id);
    }

    /**
     * Forgets an erased user in the log: the deliveries stay (what was sent when) with the user id replaced by the
     * pseudonym and the address and bodies blanked; whatever was still to be sent is not.
     *
     * @return how many deliveries named the user
     */
    public int forget(String userId, String pseudonym) {
        return jdbc.update("""
                UPDATE delivery SET user_id = ?, recipient = 'erased-' || id, subject = '', text_body = '',
                                    html_body = NULL, updated_at = now(),
                                    status = CASE WHEN status IN ('queued', 'failed') THEN 'dead' ELSE status END,
                                    last_error = CASE WHEN status IN ('queued', 'failed') THEN 'The user was erased.'
                                                      ELSE last_error END,
                                    next_attempt_at = NULL
                WHERE user_id = ?
                """, pseudonym, userId);
    }

    /**
     * Gives up on whatever of the event's deliveries is still to be sent (a cancelled broadcast's): they are dead with
     * the reason and never leased again.
     *
     * @return how many were still to be sent
     */
    public int giveUp(String eventId, String reason) {
        return jdbc.update("""
                UPDATE delivery SET status = 'dead', last_error = ?, next_attempt_at = NULL, updated_at = now()
                WHERE event_id = ? AND status IN ('queued', 'failed')
                """, clipped(reason), eventId);
    }

    /** An error cut to {@link Delivery#MAX_ERROR_LENGTH} characters, ending in an ellipsis when it was cut. */
    private static String clipped(String error) {
        if (error == null || error.length() <= Delivery.MAX_ERROR_LENGTH) {
            return error;
        }
        int end = Delivery.MAX_ERROR_LENGTH - 1;
        if (Character.isHighSurrogate(error.charAt(end - 1))) {
            end--;
        }
        return error.substring(0, end) + "…";
    }

    private static void add(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(condition);
        parameters.add(value);
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        return new Delivery(row.getObject("id", UUID.class), row.getLong("seq"), row.getString("event_id"),
                row.getString("notice"), Channel.of(row.getString("channel")), row.getString("user_id"),
                row.getString("recipient"), row.getString("locale"), row.getInt("template_version"),
                row.getString("subject"), row.getString("text_body"), row.getString("html_body"),
                Delivery.Status.of(row.getString("status")), row.getInt("attempts"),
                Jdbc.instant(row, "next_attempt_at"), row.getString("last_error"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "sent_at"), Category.of(row.getString("category")));
    }
}
