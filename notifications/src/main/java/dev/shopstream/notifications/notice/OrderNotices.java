package dev.shopstream.notifications.notice;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.commons.inbox.UnprocessableEventException;
import dev.shopstream.notifications.live.LiveEvents;
import dev.shopstream.notifications.recipient.OrderHistory;
import dev.shopstream.notifications.recipient.Recipients;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Tells customers by mail, in the shop, by push and by SMS how their orders go ({@code order.lifecycle},
 * docs/events/order.lifecycle.md): confirmed, payment failed, shipped, delivered, cancelled, refunded. Created,
 * rejected and packed orders are not announced; a created order is remembered (who ordered when) for broadcasts to
 * the customers with orders in a period. Every status change goes into the customer's live stream. Once per event
 * through the inbox.
 */
@ApplicationScoped
public class OrderNotices extends NoticeConsumer {

    static final String CONSUMER = "notifications.orders";
    private static final String PREFIX = "dev.shopstream.orders.order.";
    private static final List<String> CHANGES = List.of("created", "confirmed", "rejected", "payment-failed",
            "cancelled", "packed", "shipped", "delivered", "refunded");
    /** Each on the channels the customer's preferences allow (SMS only once they opted in). */
    private static final Set<Channel> CHANNELS = Set.of(Channel.EMAIL, Channel.IN_APP, Channel.SMS, Channel.PUSH);
    private static final Set<String> ANNOUNCED =
            Set.of("confirmed", "payment-failed", "shipped", "delivered", "cancelled", "refunded");

    @Inject
    Notices notices;

    @Inject
    Recipients recipients;

    @Inject
    LiveEvents live;

    @Inject
    OrderHistory orderHistory;

    public OrderNotices() {
        super(CONSUMER, "order.lifecycle");
    }

    @Incoming("order-events")
    public CompletionStage<Void> onOrderEvent(Message<String> message) {
        return consume(message);
    }

    @Override
    public Map<String, EventHandler> handlers() {
        EventHandler liveOnly = live::orderStatus;
        EventHandler announced = event -> {
            live.orderStatus(event);
            announce(event);
        };
        EventHandler created = event -> {
            live.orderStatus(event);
            remember(event);
        };
        Map<String, EventHandler> handlers = CHANGES.stream().collect(Collectors.toMap(change -> PREFIX + change,
                change -> ANNOUNCED.contains(change) ? announced : liveOnly, (a, b) -> a, HashMap::new));
        handlers.put(PREFIX + "created", created);
        return Map.copyOf(handlers);
    }

    /** Who ordered when: the event's {@code at}, or its time when it has none. */
    private void remember(ReceivedEvent event) {
        String orderId = event.requiredString("orderId");
        String customerId = event.requiredString("customerId");
        if (orderId.length() > Notice.MAX_ID_LENGTH || customerId.length() > Notice.MAX_ID_LENGTH) {
            throw new UnprocessableEventException("Event " + event.id() + " has an order or customer id longer than "
                    + Notice.MAX_ID_LENGTH + " characters.");
        }
        Instant at;
        try {
            at = event.data().get("at") instanceof JsonString value ? Instant.parse(value.getString())
                    : event.time() != null ? event.time().toInstant() : Instant.now();
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException("Event " + event.id() + " has an unreadable at: " + e.getMessage(),
                    e);
        }
        orderHistory.ordered(orderId, customerId, at);
    }

    private void announce(ReceivedEvent event) {
        String customerId = event.requiredString("customerId");
        String orderId = event.requiredString("orderId");
        String notice = "order." + event.type().substring(PREFIX.length());
        JsonObject order = event.data();
        notices.announce(new Notice(event.id(), notice, customerId, CHANNELS,
                locale -> Map.of("order", readable(event, order, locale)), orderId), recipients.of(customerId));
    }

    /** An order that cannot be printed (no such currency, lines that are not objects) can never be announced. */
    private static Map<String, Object> readable(ReceivedEvent event, JsonObject order, Locale locale) {
        try {
            return model(event, order, locale);
        } catch (IllegalArgumentException | ArithmeticException | ClassCastException e) {
            throw new UnprocessableEventException("Event " + event.id() + " (" + event.type() + ") cannot be "
                    + "read as an order: " + e, e);
        }
    }

    /** The order as its templates print it: number, amounts formatted for the reader, lines, shipping, reason. */
    private static Map<String, Object> model(ReceivedEvent event, JsonObject order, Locale locale) {
        String currency = event.requiredString("currency");
        Map<String, Object> model = new HashMap<>();
        String orderId = event.requiredString("orderId");
        model.put("id", orderId);
        model.put("number", orderId.substring(0, Math.min(8, orderId.length())).toUpperCase(Locale.ROOT));
        model.put("status", event.requiredString("status"));
        model.put("total", Amounts.format(minor(event, order, "totalMinor"), currency, locale));
        model.put("refunded", Amounts.format(order.containsKey("refundedMinor")
                ? minor(event, order, "refundedMinor") : 0, currency, locale));
        for (String optional : List.of("reason", "carrier", "trackingNumber")) {
            if (order.get(optional) instanceof JsonString value) {
                model.put(optional, value.getString());
            }
        }
        model.put("lines", order.getJsonArray("lines") == null ? List.of() : order.getJsonArray("lines").stream()
                .map(JsonValue::asJsonObject)
                .map(line -> Map.of("sku", line.getString("sku", ""),
                        "productName", line.getString("productName", line.getString("sku", "")),
                        "quantity", line.getInt("quantity", 0),
                        "unitPrice", Amounts.format(minor(event, line, "unitPriceMinor"), currency, locale)))
                .toList());
        return model;
    }

    private static long minor(ReceivedEvent event, JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonNumber number)) {
            throw new UnprocessableEventException("Event " + event.id() + " (" + event.type() + ") has no " + name
                    + ".");
        }
        return number.longValueExact();
    }
}
