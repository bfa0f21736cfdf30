package dev.shopstream.notifications.broadcast;

import dev.shopstream.commons.inbox.UnprocessableEventException;
import dev.shopstream.notifications.notice.Notice;
import dev.shopstream.notifications.notice.Notices;
import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.recipient.Recipients;
import dev.shopstream.notifications.template.Template;
import dev.shopstream.notifications.template.TemplateKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Queues the next batch of the broadcast whose turn it is, in one transaction: claims the pace and the broadcast
 * (another replica skips both), makes the deliveries of the next recipients after its cursor through
 * {@link Notices} (which asks their preferences again), moves the cursor, and pauses the next batch of any
 * broadcast by the batch's size over {@code shopstream.notifications.broadcast.rate-per-second}. A batch that fails
 * (Keycloak did not answer) leaves nothing behind and is tried again; a delivery made twice is not, since each
 * recipient's is unique per broadcast.
 */
@ApplicationScoped
public class BroadcastBatches {

    private static final Logger LOG = Logger.getLogger(BroadcastBatches.class.getName());
    /** The notice broadcasts' deliveries are logged under. */
    static final String NOTICE = "broadcast";

    @Inject
    BroadcastStore store;

    @Inject
    Notices notices;

    @Inject
    Recipients recipients;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.broadcast.batch")
    int batch;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.broadcast.rate-per-second")
    double ratePerSecond;

    @PostConstruct
    void checkPace() {
        if (batch < 1 || !(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalStateException("shopstream.notifications.broadcast.batch must be at least 1 and "
                    + "rate-per-second a positive number; they are " + batch + " and " + ratePerSecond);
        }
    }

    /** @return whether a batch was queued (another may be due at once) */
    @Transactional
    public boolean queueNext() {
        if (!store.claimPace()) {
            return false;
        }
        Optional<Broadcast> due = store.claimNextDue();
        if (due.isEmpty()) {
            return false;
        }
        Broadcast broadcast = due.get();
        List<String> users = store.recipientsAfter(broadcast, batch);
        for (String userId : users) {
            send(broadcast, userId);
        }
        store.advance(broadcast.id(), users.isEmpty() ? broadcast.cursor() : users.get(users.size() - 1),
                users.size() < batch);
        if (!users.isEmpty()) {
            store.pauseUntil(Instant.now().plusMillis((long) Math.ceil(users.size() * 1000 / ratePerSecond)));
        }
        return true;
    }

    /** Marks sent the broadcasts with nothing left to send. */
    @Transactional
    public void settle() {
        store.settle();
    }

    private void send(Broadcast broadcast, String userId) {
        Notice notice = new Notice(broadcast.eventId(), NOTICE, userId, Set.of(broadcast.channel()),
                locale -> Map.of(), null, Category.MARKETING);
        try {
            notices.announce(notice, recipients.of(userId), key -> Optional.of(template(broadcast, key)));
        } catch (UnprocessableEventException e) {
            // Checked when scheduled against the longest values; a recipient it still does not fit is skipped.
            LOG.warning(() -> "Broadcast " + broadcast.id() + " skips user " + userId + ": " + e.getMessage());
        }
    }

    /** The content in the recipient's language, or the default one, as a template of version 1 (it never changes). */
    private static Template template(Broadcast broadcast, TemplateKey key) {
        Broadcast.Content content = broadcast.content(key.locale()).orElse(broadcast.defaultContent());
        return new Template(new TemplateKey(broadcast.eventId(), key.channel(), content.locale()), 1,
                content.subject(), content.textBody(), content.htmlBody(), broadcast.createdBy(),
                broadcast.createdAt());
    }
}
