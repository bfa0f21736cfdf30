package dev.shopstream.notifications.delivery;

import dev.shopstream.notifications.template.TemplateKey.Channel;

/** A channel that sends queued deliveries (e-mail today; SMS and push providers plug in the same way). */
public interface Sender {

    Channel channel();

    /** Hands the delivery over; returns once the channel has taken it. */
    void send(Delivery delivery) throws DeliveryFailedException;
}
