package dev.shopstream.notifications.webhook;

import dev.shopstream.commons.events.CloudEventEnvelope;
import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.notifications.delivery.Delivery;
import dev.shopstream.notifications.delivery.DeliveryStore;
import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Queues a delivery of an event to every active endpoint subscribed to its type, in the consumer's transaction
 * (once per event and endpoint, whatever replays happen); the dispatcher posts them with {@link WebhookSender}.
 * The body is the event as a CloudEvents 1.0 JSON envelope (commons' {@link CloudEventEnvelope}): its id, source,
 * type, subject, time and data as the producer published them.
 */
@ApplicationScoped
public class WebhookEvents {

    /** The order events integrators may subscribe to (docs/events/order.lifecycle.md). */
    static final List<String> ORDER_TYPES = Stream.of("created", "confirmed", "rejected", "payment-failed",
            "cancelled", "packed", "shipped", "delivered", "refunded")
            .map(change -> "dev.shopstream.orders.order." + change).toList();
    /** The stock events integrators may subscribe to (docs/events/inventory.events.md). */
    static final List<String> INVENTORY_TYPES = Stream.of("adjusted", "low-stock", "reserved", "committed",
            "released", "expired").map(change -> "dev.shopstream.catalog.inventory." + change).toList();
    /** Every type an endpoint may subscribe to. */
    public static final List<String> TYPES = Stream.concat(ORDER_TYPES.stream(), INVENTORY_TYPES.stream()).toList();

    @Inject
    WebhookEndpointStore endpoints;

    @Inject
    DeliveryStore deliveries;

    /** A handler per type, for a consumer of the topic that carries them. */
    Map<String, EventHandler> handlers(List<String> types) {
        EventHandler publish = this::publish;
        return types.stream().collect(Collectors.toMap(type -> type, type -> publish));
    }

    private void publish(ReceivedEvent event) {
        String body = envelope(event);
        for (WebhookEndpoint endpoint : endpoints.subscribedTo(event.type())) {
            deliveries.add(new Delivery.Draft(event.id(), event.type(), Channel.WEBHOOK, endpoint.owner(),
                    endpoint.id().toString(), "", 0, event.type(), body, null, Category.TRANSACTIONAL),
                    Delivery.Status.QUEUED, null);
        }
    }

    private static String envelope(ReceivedEvent event) {
        return new String(CloudEventEnvelope.serialize(event.id(), URI.create(event.source()), event.type(),
                event.subject(), event.time(), event.data().toString().getBytes(StandardCharsets.UTF_8), null, null),
                StandardCharsets.UTF_8);
    }
}
