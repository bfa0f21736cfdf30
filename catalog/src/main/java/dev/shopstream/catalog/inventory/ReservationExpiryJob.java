package dev.shopstream.catalog.inventory;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Releases reservations whose time-to-live has passed, every {@code shopstream.reservations.expiry-interval}. */
@ApplicationScoped
public class ReservationExpiryJob extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(ReservationExpiryJob.class.getName());
    private static final int BATCH = 100;

    @Inject
    Reservations reservations;

    @Inject
    @ConfigProperty(name = "shopstream.reservations.expiry-interval", defaultValue = "PT5S")
    Duration interval;

    @Override
    protected Duration delay() {
        return interval;
    }

    @Override
    protected void run() {
        int expired;
        do {
            expired = reservations.expireDue(BATCH);
            if (expired > 0) {
                int count = expired;
                LOG.info(() -> "Released " + count + " expired reservations");
            }
        } while (expired == BATCH);
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Could not expire reservations; will try again", cause);
    }
}
