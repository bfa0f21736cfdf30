package dev.shopstream.notifications.live;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's open stream on this replica: sends the user's live events after the last one it sent, oldest first,
 * one drain at a time. A send that fails or takes longer than the send timeout (the client went away or does not
 * read) closes it.
 */
final class LiveStream {

    private static final int BATCH = 100;

    private final UUID id = UUID.randomUUID();
    private final String userId;
    private final Instant tokenExpires;
    private final LiveSink sink;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private long lastSent;

    LiveStream(String userId, Instant tokenExpires, LiveSink sink) {
        this.userId = userId;
        this.tokenExpires = tokenExpires;
        this.sink = sink;
    }

    UUID id() {
        return id;
    }

    String userId() {
        return userId;
    }

    boolean tokenExpiredAt(Instant now) {
        return !now.isBefore(tokenExpires);
    }

    boolean isClosed() {
        return sink.isClosed();
    }

    /** The stream starts after {@code seq}. */
    synchronized void startAfter(long seq) {
        lastSent = seq;
        sink.opened();
    }

    /**
     * Asks for a drain; true when none was waiting already (the caller then runs {@link #drain}), false when a
     * waiting one will read this wake-up's events too.
     */
    boolean queueDrain() {
        return drainQueued.compareAndSet(false, true);
    }

    /** Sends every event of the user committed after the last one sent. */
    synchronized void drain(LiveEventStore store) {
        drainQueued.set(false);
        List<LiveEvent> events;
        do {
            events = store.after(userId, lastSent, BATCH);
            for (LiveEvent event : events) {
                if (!sink.send(event)) {
                    return;
                }
                lastSent = event.seq();
            }
        } while (events.size() == BATCH);
    }

    /** An SSE comment, so proxies keep the connection and a client that went away is noticed. */
    synchronized boolean heartbeat() {
        return sink.comment("heartbeat");
    }

    void close() {
        sink.close();
    }
}
