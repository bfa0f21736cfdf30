package dev.shopstream.commons.scheduling;

import dev.shopstream.commons.db.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A background job of an {@code @ApplicationScoped} bean: runs on the server's managed scheduler once the schema is
 * migrated, again each {@link #delay()} after the previous run ended, until the application stops. A run that
 * fails is reported through {@link #failed} and the next one tries again: an exception escaping to the scheduler
 * would end the schedule silently.
 */
public abstract class FixedDelayJob {

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> task;

    /** The pause between the end of one run and the start of the next. */
    protected abstract Duration delay();

    /** The pause before the first run. */
    protected Duration initialDelay() {
        return delay();
    }

    /** Whether this replica runs the job at all. */
    protected boolean enabled() {
        return true;
    }

    /** One run; it claims its work itself, since every replica runs the job. */
    protected abstract void run() throws Exception;

    /** Reports a failed run (the next one tries again), e.g. as a warning in the job's log. */
    protected abstract void failed(Exception cause);

    /**
     * Leases up to {@code batch} items, handles each, and leases again while the lease came back full, so one run
     * works off the whole backlog.
     */
    protected static <T> void inBatches(int batch, IntFunction<List<T>> lease, Consumer<T> handle) {
        eachBatch(batch, lease, leased -> leased.forEach(handle));
    }

    /** Like {@link #inBatches}, handing each leased batch over whole. */
    protected static <T> void eachBatch(int batch, IntFunction<List<T>> lease, Consumer<List<T>> handle) {
        List<T> leased;
        do {
            leased = lease.apply(batch);
            handle.accept(leased);
        } while (leased.size() == batch);
    }

    protected void start(@Observes @Priority(SchemaMigration.PRIORITY + 100) @Initialized(ApplicationScoped.class)
                         Object started) {
        if (enabled()) {
            task = executor.scheduleWithFixedDelay(this::runOnce, initialDelay().toMillis(), delay().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void runOnce() {
        try {
            run();
        } catch (Exception e) {
            failed(e);
        }
    }

    @PreDestroy
    protected void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
