package dev.shopstream.notifications.webhook;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.notifications.notice.NoticeConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** {@code inventory.events} for integrators' webhooks, in a consumer group of its own (staff mail does not wait). */
@ApplicationScoped
public class WebhookInventoryEvents extends NoticeConsumer {

    @Inject
    WebhookEvents webhooks;

    public WebhookInventoryEvents() {
        super("notifications.webhooks.inventory", "inventory.events");
    }

    @Incoming("webhook-inventory-events")
    public CompletionStage<Void> onInventoryEvent(Message<String> message) {
        return consume(message);
    }

    @Override
    public Map<String, EventHandler> handlers() {
        return webhooks.handlers(WebhookEvents.INVENTORY_TYPES);
    }
}
