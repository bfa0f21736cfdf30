package dev.shopstream.notifications.provider;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SMS and push provider of local development and tests: records what would have been sent in
 * {@code sink_message}, once per delivery (a delivery sent again after a lease ran out is recorded once), for staff
 * to read ({@code GET /api/notifications/local-sink}). Forgotten on {@code user.deleted}.
 */
@ApplicationScoped
public class LocalSink implements MessageProvider {

    private static final String COLUMNS = """
            id, seq, delivery_id, channel, user_id, notice, recipient, platform, title, body, created_at""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    @Override
    public void send(ProviderMessage message) {
        jdbc.update("""
                INSERT INTO sink_message (id, delivery_id, channel, user_id, notice, recipient, platform, title, body,
                                          created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (delivery_id) DO NOTHING
                """, UUID.randomUUID(), UUID.fromString(message.reference()), message.channel().code(),
                message.userId(), message.notice(), message.to(), message.platform(), message.title(),
                message.text());
    }

    /** Newest first, cursor-paged; each filter optional. */
    public Page<SinkMessage> newestFirst(Optional<Channel> channel, Optional<String> userId, String cursor,
                                         int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sink_message WHERE true");
        List<Object> parameters = new ArrayList<>();
        channel.ifPresent(value -> {
            sql.append(" AND channel = ?");
            parameters.add(value.code());
        });
        userId.ifPresent(value -> {
            sql.append(" AND user_id = ?");
            parameters.add(value);
        });
        if (cursor != null) {
            sql.append(" AND seq < ?");
            parameters.add(Cursor.decodeNumber(cursor));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        parameters.add(limit + 1);
        return Page.of(jdbc.list(sql.toString(), LocalSink::message, parameters.toArray()), limit,
                message -> Cursor.of(Long.toString(message.seq())));
    }

    /** @return how many of the user's messages it held; they are deleted */
    public int forget(String userId) {
        return jdbc.update("DELETE FROM sink_message WHERE user_id = ?", userId);
    }

    private static SinkMessage message(ResultSet row) throws SQLException {
        return new SinkMessage(row.getObject("id", UUID.class), row.getLong("seq"),
                row.getObject("delivery_id", UUID.class), Channel.of(row.getString("channel")),
                row.getString("user_id"), row.getString("notice"), row.getString("recipient"),
                row.getString("platform"), row.getString("title"), row.getString("body"),
                Jdbc.instant(row, "created_at"));
    }
}
