package dev.shopstream.notifications.broadcast;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.notifications.delivery.DeliveryStore;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import dev.shopstream.notifications.template.TemplateRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What admins do with broadcasts: schedule one (its content checked to compile and to fit a message when filled
 * in), and cancel one before or while it is sent. Broadcasts go by e-mail.
 */
@ApplicationScoped
public class Broadcasts {

    /** How far in the past a send time may lie (clocks differ): further is refused. */
    public static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);
    /** How far ahead a broadcast may be scheduled. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366);

    /** What the content is checked against: the longest values a recipient's mail fills in. */
    private static final Map<String, Object> SAMPLE = Map.of("firstName", "R".repeat(255), "unsubscribeUrl",
            "https://shop.example.com/api/notifications/unsubscribe?subscription=" + "s".repeat(1_200));

    @Inject
    BroadcastStore store;

    @Inject
    DeliveryStore deliveries;

    @Inject
    TemplateRenderer renderer;

    /** Schedules it; without a send time it goes out at once. */
    @Transactional
    public Broadcast schedule(Broadcast.Draft draft, String author) {
        Instant now = Instant.now();
        Instant sendAt = Optional.ofNullable(draft.sendAt()).orElse(now);
        if (sendAt.isBefore(now.minus(PAST_TOLERANCE))) {
            throw new RuleViolationException("sendAt " + sendAt + " is in the past; a broadcast is sent from now on.");
        }
        if (sendAt.isAfter(now.plus(MAX_AHEAD))) {
            throw new RuleViolationException("sendAt " + sendAt + " is more than " + MAX_AHEAD.toDays()
                    + " days ahead.");
        }
        for (Broadcast.Content content : draft.contents()) {
            renderer.preview(content.subject(), content.textBody(), content.htmlBody(), SAMPLE);
        }
        UUID id = UUID.randomUUID();
        store.add(id, new Broadcast.Draft(draft.segment(), draft.orderedFrom(), draft.orderedUntil(), sendAt,
                draft.contents()), Channel.EMAIL, author, now);
        return find(id);
    }

    public Broadcast find(UUID id) {
        return store.find(id).orElseThrow(() -> new UnknownEntityException("Broadcast", id));
    }

    public Page<Broadcast> newestFirst(Optional<Broadcast.Status> status, String cursor, int limit) {
        return store.newestFirst(status, cursor, limit);
    }

    public Broadcast.Counts counts(UUID id) {
        return store.counts(id);
    }

    /**
     * Stops it: no further recipient is queued, and its mail still waiting is not sent (mail being handed to the
     * SMTP server at that moment may still go). Cancelling again changes nothing; a sent broadcast cannot be.
     */
    @Transactional
    public Broadcast cancel(UUID id, String by) {
        Broadcast broadcast = store.lock(id).orElseThrow(() -> new UnknownEntityException("Broadcast", id));
        if (broadcast.status() == Broadcast.Status.SENT) {
            throw new StateConflictException("Broadcast " + id + " is sent; there is nothing left to cancel.");
        }
        if (broadcast.status() != Broadcast.Status.CANCELLED) {
            store.cancel(id, by);
            deliveries.giveUp(broadcast.eventId(), "The broadcast was cancelled.");
        }
        return find(id);
    }
}
