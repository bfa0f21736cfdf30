package dev.shopstream.notifications.push;

import dev.shopstream.commons.db.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The devices users registered for push; a user sees only their own. */
@ApplicationScoped
public class DeviceStore {

    private static final String COLUMNS = "id, seq, user_id, platform, token, created_at, last_registered_at";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    /** Holds the token's and then the user's registrations still until the transaction ends. */
    void lock(String userId, String token) {
        jdbc.first("SELECT pg_advisory_xact_lock(hashtext('device-token:' || ?))", row -> true, token);
        jdbc.first("SELECT pg_advisory_xact_lock(hashtext('device-user:' || ?))", row -> true, userId);
    }

    Optional<Device> byToken(String token) {
        return jdbc.first("SELECT " + COLUMNS + " FROM device WHERE token = ?", DeviceStore::device, token);
    }

    long countOf(String userId) {
        return jdbc.first("SELECT count(*) FROM device WHERE user_id = ?", row -> row.getLong(1), userId)
                .orElse(0L);
    }

    Device add(String userId, Device.Platform platform, String token) {
        return jdbc.first("INSERT INTO device (id, user_id, platform, token, created_at, last_registered_at) "
                        + "VALUES (?, ?, ?, ?, now(), now()) RETURNING " + COLUMNS, DeviceStore::device,
                UUID.randomUUID(), userId, platform.code(), token).orElseThrow();
    }

    Device registeredAgain(UUID id, Device.Platform platform) {
        return jdbc.first("UPDATE device SET platform = ?, last_registered_at = now() WHERE id = ? RETURNING "
                + COLUMNS, DeviceStore::device, platform.code(), id).orElseThrow();
    }

    /** The user's devices, newest first. */
    public List<Device> of(String userId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM device WHERE user_id = ? ORDER BY seq DESC",
                DeviceStore::device, userId);
    }

    public Optional<Device> find(UUID id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM device WHERE id = ?", DeviceStore::device, id);
    }

    /** @return whether the device was there (and the user's) to delete */
    public boolean delete(UUID id, String userId) {
        return jdbc.update("DELETE FROM device WHERE id = ? AND user_id = ?", id, userId) == 1;
    }

    /** A token the provider said is gone: whoever registered it gets nothing more on it. */
    public void gone(UUID id) {
        jdbc.update("DELETE FROM device WHERE id = ?", id);
    }

    /** @return how many devices the user had registered; they are deleted */
    public int forget(String userId) {
        return jdbc.update("DELETE FROM device WHERE user_id = ?", userId);
    }

    private static Device device(ResultSet row) throws SQLException {
        return new Device(row.getObject("id", UUID.class), row.getLong("seq"), row.getString("user_id"),
                Device.Platform.of(row.getString("platform")), row.getString("token"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "last_registered_at"));
    }
}
