package dev.shopstream.commons.outbox;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;

/** Polls the outbox every {@code shopstream.outbox.poll-interval} once the schema is migrated, until shutdown. */
@ApplicationScoped
public class OutboxRelayScheduler extends FixedDelayJob {

    private static final int PURGE_EVERY_TICKS = 10_000;

    @Inject
    OutboxRelay relay;

    @Inject
    @ConfigProperty(name = "shopstream.outbox.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    private long ticks;

    @Override
    protected Duration delay() {
        return pollInterval;
    }

    @Override
    protected void run() throws SQLException {
        int published;
        do {
            published = relay.relayBatch();
        } while (published == relay.batchSize());
        if (++ticks % PURGE_EVERY_TICKS == 0) {
            relay.purgePublished();
        }
    }

    @Override
    protected void failed(Exception cause) {
        relay.outage(cause);
    }
}
