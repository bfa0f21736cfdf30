package dev.shopstream.notifications.provider;

import dev.shopstream.notifications.delivery.DeliveryFailedException;

/** Where SMS and push notifications are handed over: an HTTP provider, or the local sink that records them. */
public interface MessageProvider {

    /** Returns once the provider has taken the message. */
    void send(ProviderMessage message) throws DeliveryFailedException;
}
