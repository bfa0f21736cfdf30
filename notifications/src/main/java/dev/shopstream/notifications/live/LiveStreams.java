package dev.shopstream.notifications.live;

import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live streams open on this replica, by user. A stream is woken when its user's events commit (from
 * {@link LiveListener}, whichever replica consumed them) and drains them on the managed executor. Every heartbeat
 * each stream gets an SSE comment and drains too (a catch-up for anything a missed notification left behind), the
 * replica renews its streams' leases, closes those whose token has expired and prunes old events.
 */
@ApplicationScoped
public class LiveStreams extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class.getName());
    /** A replica that misses this many heartbeats in a row is taken for dead: its streams stop counting. */
    private static final int LEASE_HEARTBEATS = 3;

    @Inject
    LiveEventStore store;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.live.heartbeat")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.live.max-streams-per-user")
    int maxStreamsPerUser;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.live.retention")
    Duration retention;

    private final Map<String, Set<LiveStream>> byUser = new ConcurrentHashMap<>();

    /**
     * Opens a stream of the user's events after {@code lastEventId}, or, without one, of those committed from now
     * on. Refused with 429 while the user has the most streams open (on any replica) they may have.
     */
    public void open(String userId, OptionalLong lastEventId, Instant tokenExpires, LiveSink sink) {
        LiveStream stream = new LiveStream(userId, tokenExpires, sink);
        if (!store.open(stream.id(), userId, maxStreamsPerUser, leaseUntil())) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "At most " + maxStreamsPerUser + " live streams "
                    + "may be open per user; close one first.", List.of(),
                    Map.of("Retry-After", Long.toString(heartbeat.toSeconds())));
        }
        // Registered before its start is read, so an event committed in between wakes it, and its drain reads it.
        byUser.compute(userId, (user, streams) -> {
            Set<LiveStream> open = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            open.add(stream);
            return open;
        });
        stream.startAfter(lastEventId.orElseGet(() -> store.latest(userId)));
        drain(stream);
    }

    /** The user's events committed: their streams on this replica send them. */
    void wake(String userId) {
        byUser.getOrDefault(userId, Set.of()).forEach(this::queueDrain);
    }

    void wakeAll() {
        byUser.values().forEach(streams -> streams.forEach(this::queueDrain));
    }

    @Gauge(name = "notifications.live.streams", unit = "none", absolute = true,
            description = "Live streams (SSE) open on this replica")
    public long openStreams() {
        return byUser.values().stream().mapToLong(Set::size).sum();
    }

    private void queueDrain(LiveStream stream) {
        if (stream.queueDrain()) {
            executor.execute(() -> drain(stream));
        }
    }

    private void drain(LiveStream stream) {
        try {
            stream.drain(store);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send live events to a stream of user " + stream.userId()
                    + "; closing it (the client resumes with Last-Event-ID)", e);
            stream.close();
        }
        closeIfDone(stream);
    }

    @Override
    protected Duration delay() {
        return heartbeat;
    }

    @Override
    protected void run() {
        Instant now = Instant.now();
        for (Set<LiveStream> streams : byUser.values()) {
            for (LiveStream stream : streams) {
                if (stream.tokenExpiredAt(now)) {
                    stream.close();
                } else if (stream.heartbeat()) {
                    queueDrain(stream);
                }
                closeIfDone(stream);
            }
        }
        store.renew(byUser.values().stream().flatMap(Set::stream).map(LiveStream::id).toList(), leaseUntil());
        store.prune(now.minus(retention));
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Live streams' heartbeat failed; the next one tries again", cause);
    }

    private void closeIfDone(LiveStream stream) {
        if (stream.isClosed()) {
            stream.close();
            byUser.computeIfPresent(stream.userId(), (user, streams) -> {
                streams.remove(stream);
                return streams.isEmpty() ? null : streams;
            });
            store.close(stream.id());
        }
    }

    private Instant leaseUntil() {
        return Instant.now().plus(heartbeat.multipliedBy(LEASE_HEARTBEATS));
    }

    @Override
    protected void stop() {
        super.stop();
        byUser.values().forEach(streams -> streams.forEach(LiveStream::close));
    }
}
