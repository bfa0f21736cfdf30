package dev.shopstream.notifications.webhook;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.notifications.notice.NoticeConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code order.lifecycle} for integrators' webhooks, in a consumer group of its own (customers' mail does not wait).
 */
@ApplicationScoped
public class WebhookOrderEvents extends NoticeConsumer {

    @Inject
    WebhookEvents webhooks;

    public WebhookOrderEvents() {
        super("notifications.webhooks.orders", "order.lifecycle");
    }

    @Incoming("webhook-order-events")
    public CompletionStage<Void> onOrderEvent(Message<String> message) {
        return consume(message);
    }

    @Override
    public Map<String, EventHandler> handlers() {
        return webhooks.handlers(WebhookEvents.ORDER_TYPES);
    }
}
