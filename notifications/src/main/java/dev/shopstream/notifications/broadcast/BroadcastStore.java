package dev.shopstream.notifications.broadcast;

import dev.shopstream.commons.db.Jdbc;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Broadcasts, their content, and the pace their batches keep. Every replica's job claims work with
 * {@code FOR UPDATE SKIP LOCKED}: the pace row (one replica queues at a time, so the rate is global) and the
 * broadcast it works on.
 */
@ApplicationScoped
public class BroadcastStore {

    private static final String COLUMNS = """
            id, seq, segment, ordered_from, ordered_until, channel, send_at, status, cursor_user_id, all_queued,
            created_by, created_at, started_at, finished_at, cancelled_by, cancelled_at
            """;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    public void add(UUID id, Broadcast.Draft draft, Channel channel, String author, Instant now) {
        jdbc.update("""
                INSERT INTO broadcast (id, segment, ordered_from, ordered_until, channel, send_at, status, created_by,
                                       created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?)
                """, id, draft.segment().code(), draft.orderedFrom(), draft.orderedUntil(), channel.code(),
                draft.sendAt(), author, now);
        for (int position = 0; position < draft.contents().size(); position++) {
            Broadcast.Content content = draft.contents().get(position);
            jdbc.update("""
                    INSERT INTO broadcast_content (broadcast_id, position, locale, subject, text_body, html_body)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, id, position, content.locale(), content.subject(), content.textBody(), content.htmlBody());
        }
    }

    public Optional<Broadcast> find(UUID id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM broadcast WHERE id = ?", row -> broadcast(row, List.of()), id)
                .map(this::withContents);
    }

    /** The broadcast, locked until the transaction ends (waits for a batch being queued). */
    public Optional<Broadcast> lock(UUID id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM broadcast WHERE id = ? FOR UPDATE",
                row -> broadcast(row, List.of()), id).map(this::withContents);
    }

    /** Newest first, cursor-paged; {@code status} optional. */
    public Page<Broadcast> newestFirst(Optional<Broadcast.Status> status, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM broadcast WHERE true");
        List<Object> parameters = new ArrayList<>();
        status.ifPresent(wanted -> {
            sql.append(" AND status = ?");
            parameters.add(wanted.code());
        });
        if (cursor != null) {
            sql.append(" AND seq < ?");
            parameters.add(Cursor.decodeNumber(cursor));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        parameters.add(limit + 1);
        List<Broadcast> found = jdbc.list(sql.toString(), row -> broadcast(row, List.of()), parameters.toArray());
        return Page.of(found.stream().map(this::withContents).toList(), limit,
                broadcast -> Cursor.of(Long.toString(broadcast.seq())));
    }

    /**
     * Claims the pace when the next batch is due: empty while another replica holds it or the pause after the last
     * batch is not over. Held until the transaction ends.
     */
    public boolean claimPace() {
        return jdbc.first("SELECT true FROM broadcast_pace WHERE next_batch_at <= now() FOR UPDATE SKIP LOCKED",
                row -> true).isPresent();
    }

    public void pauseUntil(Instant next) {
        jdbc.update("UPDATE broadcast_pace SET next_batch_at = ?", next);
    }

    /** The broadcast whose turn it is (the earliest due with recipients left), locked; none another replica holds. */
    public Optional<Broadcast> claimNextDue() {
        return jdbc.first("SELECT " + COLUMNS + " FROM broadcast"
                        + " WHERE status IN ('scheduled', 'sending') AND NOT all_queued AND send_at <= now()"
                        + " ORDER BY send_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED",
                row -> broadcast(row, List.of())).map(this::withContents);
    }

    /**
     * The next recipients of the broadcast after its cursor, in user id order: the users of its segment who opted in
     * to marketing on its channel.
     */
    public List<String> recipientsAfter(Broadcast broadcast, int limit) {
        String segment = switch (broadcast.segment()) {
            case MARKETING_OPT_INS -> "";
            case ALL_CUSTOMERS -> " AND (EXISTS (SELECT 1 FROM recipient r WHERE r.user_id = p.user_id)"
                    + " OR EXISTS (SELECT 1 FROM customer_order o WHERE o.customer_id = p.user_id))";
            case ORDERED_BETWEEN -> " AND EXISTS (SELECT 1 FROM customer_order o WHERE o.customer_id = p.user_id"
                    + " AND o.ordered_at >= ? AND o.ordered_at < ?)";
        };
        List<Object> parameters = new ArrayList<>(List.of(broadcast.channel().code(), broadcast.cursor()));
        if (broadcast.segment() == Segment.ORDERED_BETWEEN) {
            parameters.add(broadcast.orderedFrom());
            parameters.add(broadcast.orderedUntil());
        }
        parameters.add(limit);
        return jdbc.list("SELECT p.user_id FROM preference p WHERE p.category = 'marketing' AND p.channel = ?"
                        + " AND p.enabled AND p.user_id > ?" + segment + " ORDER BY p.user_id LIMIT ?",
                row -> row.getString(1), parameters.toArray());
    }

    /** Records a queued batch: the broadcast is sending, its cursor at the last recipient queued. */
    public void advance(UUID id, String cursor, boolean allQueued) {
        jdbc.update("""
                UPDATE broadcast SET status = 'sending', started_at = coalesce(started_at, now()), cursor_user_id = ?,
                                     all_queued = ?
                WHERE id = ?
                """, cursor, allQueued, id);
    }

    /** Marks sent the broadcasts whose every delivery is made and none is still waiting to be sent. */
    public int settle() {
        return jdbc.update("""
                UPDATE broadcast b SET status = 'sent', finished_at = now()
                WHERE status = 'sending' AND all_queued
                  AND NOT EXISTS (SELECT 1 FROM delivery d
                                  WHERE d.event_id = 'broadcast:' || b.id AND d.status IN ('queued', 'failed'))
                """);
    }

    public void cancel(UUID id, String by) {
        jdbc.update("""
                UPDATE broadcast SET status = 'cancelled', cancelled_by = ?, cancelled_at = now(),
                                     finished_at = now()
                WHERE id = ?
                """, by, id);
    }

    /** How the broadcast's deliveries stand. */
    public Broadcast.Counts counts(UUID id) {
        Map<String, Long> byStatus = jdbc.list("SELECT status, count(*) FROM delivery WHERE event_id = ?"
                        + " GROUP BY status", row -> Map.entry(row.getString(1), row.getLong(2)),
                Broadcast.eventId(id)).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Broadcast.Counts(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus.getOrDefault("queued", 0L), byStatus.getOrDefault("sent", 0L),
                byStatus.getOrDefault("failed", 0L), byStatus.getOrDefault("dead", 0L));
    }

    private Broadcast withContents(Broadcast broadcast) {
        List<Broadcast.Content> contents = jdbc.list("SELECT locale, subject, text_body, html_body"
                        + " FROM broadcast_content WHERE broadcast_id = ? ORDER BY position",
                row -> new Broadcast.Content(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                broadcast.id());
        return new Broadcast(broadcast.id(), broadcast.seq(), broadcast.segment(), broadcast.orderedFrom(),
                broadcast.orderedUntil(), broadcast.channel(), broadcast.sendAt(), broadcast.status(),
                broadcast.cursor(), broadcast.allQueued(), contents, broadcast.createdBy(), broadcast.createdAt(),
                broadcast.startedAt(), broadcast.finishedAt(), broadcast.cancelledBy(), broadcast.cancelledAt());
    }

    private static Broadcast broadcast(ResultSet row, List<Broadcast.Content> contents) throws SQLException {
        return new Broadcast(row.getObject("id", UUID.class), row.getLong("seq"), Segment.of(row.getString("segment")),
                Jdbc.instant(row, "ordered_from"), Jdbc.instant(row, "ordered_until"),
                Channel.of(row.getString("channel")), Jdbc.instant(row, "send_at"),
                Broadcast.Status.of(row.getString("status")), row.getString("cursor_user_id"),
                row.getBoolean("all_queued"), contents, row.getString("created_by"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "started_at"), Jdbc.instant(row, "finished_at"), row.getString("cancelled_by"),
                Jdbc.instant(row, "cancelled_at"));
    }
}
