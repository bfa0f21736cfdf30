package dev.shopstream.notifications.notice;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.commons.privacy.UserDeleted;
import dev.shopstream.commons.privacy.UserErasureConsumer;
import dev.shopstream.notifications.delivery.DeliveryStore;
import dev.shopstream.notifications.live.LiveEventStore;
import dev.shopstream.notifications.message.InAppMessageStore;
import dev.shopstream.notifications.preference.PreferenceStore;
import dev.shopstream.notifications.provider.LocalSink;
import dev.shopstream.notifications.push.DeviceStore;
import dev.shopstream.notifications.recipient.OrderHistory;
import dev.shopstream.notifications.recipient.Recipient;
import dev.shopstream.notifications.recipient.RecipientStore;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Learns shoppers' addresses from {@code user.events} (docs/events/user.events.md) and welcomes them; forgets them
 * when they are erased: the address, the in-app messages, the live stream's events, the preferences, which orders
 * they placed when, their push devices, what the local sink recorded for them, and the delivery log's recipients
 * (addresses, phone numbers, device ids) and bodies. Once per event through the inbox.
 */
@ApplicationScoped
public class UserNotices extends NoticeConsumer {

    static final String CONSUMER = "notifications.users";
    static final String REGISTERED = "dev.shopstream.auth.user.registered";

    @Inject
    UserErasureConsumer erasure;

    @Inject
    Notices notices;

    @Inject
    RecipientStore recipients;

    @Inject
    InAppMessageStore messages;

    @Inject
    LiveEventStore live;

    @Inject
    DeliveryStore deliveries;

    @Inject
    PreferenceStore preferences;

    @Inject
    OrderHistory orderHistory;

    @Inject
    DeviceStore devices;

    @Inject
    LocalSink sink;

    public UserNotices() {
        super(CONSUMER, "user.events");
    }

    @Incoming("user-events")
    public CompletionStage<Void> onUserEvent(Message<String> message) {
        return consume(message);
    }

    @Override
    public Map<String, EventHandler> handlers() {
        return Map.of(REGISTERED, this::registered, UserDeleted.TYPE, erasure.handler(this::forget));
    }

    private void registered(ReceivedEvent event) {
        Recipient recipient = new Recipient(event.requiredString("userId"), event.requiredString("email"),
                optional(event, "firstName"), optional(event, "locale"));
        recipients.save(recipient);
        notices.announce(new Notice(event.id(), "welcome", recipient.userId(), Set.of(Channel.EMAIL, Channel.IN_APP),
                locale -> Map.of(), null), Optional.of(recipient));
    }

    private String forget(UserDeleted deleted) {
        recipients.forget(deleted.userId());
        int messagesDeleted = messages.forget(deleted.userId());
        int liveEventsDeleted = live.forget(deleted.userId());
        int preferencesDeleted = preferences.forget(deleted.userId());
        int ordersForgotten = orderHistory.forget(deleted.userId());
        int devicesDeleted = devices.forget(deleted.userId());
        int sinkMessagesDeleted = sink.forget(deleted.userId());
        int deliveriesErased = deliveries.forget(deleted.userId(), deleted.pseudonym());
        return messagesDeleted + " in-app messages deleted, " + liveEventsDeleted + " live events deleted, "
                + preferencesDeleted + " preferences deleted, " + ordersForgotten + " orders forgotten, "
                + devicesDeleted + " devices deleted, " + sinkMessagesDeleted + " local sink messages deleted, "
                + deliveriesErased + " deliveries erased";
    }

    private static String optional(ReceivedEvent event, String name) {
        return event.data().get(name) instanceof JsonString value && !value.getString().isBlank()
                ? value.getString() : null;
    }
}
