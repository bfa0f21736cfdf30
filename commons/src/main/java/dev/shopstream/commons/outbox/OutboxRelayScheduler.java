package dev.shopstream.commons.outbox;

import dev.shopstream.commons.db.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Polls the outbox every {@code shopstream.outbox.poll-interval} once the schema is migrated, until shutdown. */
@ApplicationScoped
public class OutboxRelayScheduler {

    private static final int PURGE_EVERY_TICKS = 10_000;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxRelay relay;

    @Inject
    @ConfigProperty(name = "shopstream.outbox.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    private ScheduledFuture<?> task;
    private long ticks;

    void start(@Observes @Priority(SchemaMigration.PRIORITY + 100) @Initialized(ApplicationScoped.class) Object started) {
        task = executor.scheduleWithFixedDelay(this::tick, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int published;
            do {
                published = relay.relayBatch();
            } while (published == relay.batchSize());
            if (++ticks % PURGE_EVERY_TICKS == 0) {
                relay.purgePublished();
            }
        } catch (Exception e) {
            relay.outage(e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
