package dev.shopstream.notifications.delivery;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries on their channel's {@link Sender}: leases a batch, sends each, records the outcome. A failed
 * attempt is tried again after a {@link Backoff}; after the last attempt, or at once for a permanent failure, the
 * delivery is dead. A leased delivery given up on before its turn (its broadcast cancelled, its recipient erased)
 * is not sent. Every outcome is counted in {@code notifications_deliveries_total{channel,status}}.
 */
@ApplicationScoped
public class Dispatcher extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    DeliveryStore deliveries;

    @Inject
    Instance<Sender> senders;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.dispatch.batch")
    int batch;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.dispatch.interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.dispatch.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.dispatch.initial-backoff")
    Duration initialBackoff;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.dispatch.max-backoff")
    Duration maxBackoff;

    @Inject
    @ConfigProperty(name = "shopstream.mail.timeout")
    Duration sendTimeout;

    @Override
    protected Duration delay() {
        return interval;
    }

    @Override
    protected void run() {
        Backoff backoff = new Backoff(initialBackoff, maxBackoff, () -> ThreadLocalRandom.current().nextDouble());
        // Long enough for every send of a batch to time out before another replica may take the batch up.
        Duration lease = sendTimeout.multipliedBy(3L * batch);
        for (Sender sender : senders) {
            inBatches(batch, limit -> deliveries.leaseDue(sender.channel(), limit, lease),
                    delivery -> send(sender, delivery, backoff));
        }
    }

    private void send(Sender sender, Delivery delivery, Backoff backoff) {
        if (!deliveries.stillToSend(delivery)) {
            return;
        }
        try {
            sender.send(delivery);
            deliveries.sent(delivery);
            count(delivery, Delivery.Status.SENT);
        } catch (DeliveryFailedException e) {
            int failed = delivery.attempts() + 1;
            boolean last = e.permanent() || failed >= maxAttempts;
            deliveries.failed(delivery, e.getMessage(), last ? null : Instant.now().plus(backoff.after(failed)));
            count(delivery, last ? Delivery.Status.DEAD : Delivery.Status.FAILED);
            LOG.log(last ? Level.WARNING : Level.INFO, () -> "Delivery " + delivery.id() + " (" + delivery.notice()
                    + ") attempt " + failed + (last ? " failed for good: " : " failed, will retry: ")
                    + e.getMessage());
        }
    }

    private void count(Delivery delivery, Delivery.Status status) {
        metrics.counter("notifications.deliveries", new Tag("channel", delivery.channel().code()),
                new Tag("status", status.code())).inc();
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Dispatching deliveries failed; the next run tries again", cause);
    }
}
