package dev.shopstream.notifications.deadletter;

import dev.shopstream.commons.db.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The last replay of each dead letter: what it did, who asked and when. */
@ApplicationScoped
public class ReplayStore {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    public void record(DeadLetter letter, String outcome, String detail, String by, Instant at) {
        jdbc.update("""
                INSERT INTO dead_letter_replay (topic, partition_no, record_offset, outcome, detail, replayed_by,
                                                replayed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (topic, partition_no, record_offset) DO UPDATE
                    SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail, replayed_by = EXCLUDED.replayed_by,
                        replayed_at = EXCLUDED.replayed_at
                """, letter.topic(), letter.partition(), letter.offset(), outcome, detail, by, at);
    }

    /** The dead letters with their last replay, where they had one. */
    public List<DeadLetter> withReplays(String topic, List<DeadLetter> letters) {
        Map<String, DeadLetter> replays = new HashMap<>();
        jdbc.list("SELECT partition_no, record_offset, outcome, replayed_by, replayed_at FROM dead_letter_replay"
                        + " WHERE topic = ?", row -> {
                    replays.put(row.getInt(1) + "@" + row.getLong(2), new DeadLetter(topic, row.getInt(1),
                            row.getLong(2), null, null, null, null, null, null, null, row.getString(3),
                            row.getString(4), Jdbc.instant(row, "replayed_at")));
                    return null;
                }, topic);
        return letters.stream().map(letter -> {
            DeadLetter replay = replays.get(letter.partition() + "@" + letter.offset());
            return replay == null ? letter
                    : letter.replayed(replay.lastReplay(), replay.replayedBy(), replay.replayedAt());
        }).toList();
    }
}
