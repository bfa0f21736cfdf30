package dev.shopstream.notifications.live;

import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.commons.json.Jsonp;
import dev.shopstream.notifications.message.InAppMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.util.List;

/**
 * What goes into a user's live stream, written in the consumer's transaction: their order's status changes
 * ({@code order-status}) and their new in-app messages ({@code message}, shaped as the messages API answers them).
 */
@ApplicationScoped
public class LiveEvents {

    private static final String ORDER_TYPE_PREFIX = "dev.shopstream.orders.order.";

    @Inject
    LiveEventStore store;

    /** An {@code order.lifecycle} event, for its customer. */
    public void orderStatus(ReceivedEvent event) {
        String customerId = event.requiredString("customerId");
        JsonObjectBuilder change = Jsonp.createObjectBuilder()
                .add("orderId", event.requiredString("orderId"))
                .add("status", event.requiredString("status"))
                .add("change", event.type().startsWith(ORDER_TYPE_PREFIX)
                        ? event.type().substring(ORDER_TYPE_PREFIX.length()) : event.type());
        if (event.time() != null) {
            change.add("occurredAt", event.time().toInstant().toString());
        }
        for (String optional : List.of("reason", "carrier", "trackingNumber")) {
            if (event.data().get(optional) instanceof JsonString value) {
                change.add(optional, value.getString());
            }
        }
        store.append(customerId, event.id(), LiveEvent.ORDER_STATUS,
                change.build().toString());
    }

    /** A new in-app message. */
    public void message(InAppMessage message) {
        JsonObjectBuilder view = Jsonp.createObjectBuilder()
                .add("id", message.id().toString())
                .add("notice", message.notice())
                .add("title", message.title())
                .add("body", message.body())
                .add("createdAt", message.createdAt().toString());
        if (message.orderId() != null) {
            view.add("orderId", message.orderId());
        }
        store.append(message.userId(), message.id().toString(), LiveEvent.MESSAGE,
                view.build().toString());
    }
}
