package dev.shopstream.notifications.live;

import dev.shopstream.commons.db.ChannelListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Hears that a user's live events were committed (channel {@value LiveEventStore#CHANNEL}, from whichever replica
 * consumed the event) and wakes that user's streams on this replica. Whatever it misses while it cannot listen, the
 * streams catch up on when it listens again and at every heartbeat.
 */
@ApplicationScoped
public class LiveListener extends ChannelListener {

    @Inject
    LiveStreams streams;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.live.listen-retry", defaultValue = "PT2S")
    Duration retryDelay;

    @Override
    protected String channel() {
        return LiveEventStore.CHANNEL;
    }

    @Override
    protected Duration retryDelay() {
        return retryDelay;
    }

    @Override
    protected void heard(String userId) {
        streams.wake(userId);
    }

    @Override
    protected void listening() {
        streams.wakeAll();
    }

    @Override
    protected void deaf() {
        // The heartbeat's catch-up delivers what is committed meanwhile, only later.
    }
}
