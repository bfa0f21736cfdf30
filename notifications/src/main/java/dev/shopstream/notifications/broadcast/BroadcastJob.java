package dev.shopstream.notifications.broadcast;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due broadcasts on every replica, every {@code shopstream.notifications.broadcast.interval}: queues batches
 * while the pace allows ({@link BroadcastBatches}), then marks sent those with nothing left to send. The dispatcher
 * sends the mail.
 */
@ApplicationScoped
public class BroadcastJob extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(BroadcastJob.class.getName());

    @Inject
    BroadcastBatches batches;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.broadcast.interval")
    Duration interval;

    @Override
    protected Duration delay() {
        return interval;
    }

    @Override
    protected void run() {
        while (batches.queueNext()) {
            LOG.fine("Queued a batch of a broadcast");
        }
        batches.settle();
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Sending broadcasts failed; the next run tries again", cause);
    }
}
