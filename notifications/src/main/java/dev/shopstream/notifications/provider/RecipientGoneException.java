package dev.shopstream.notifications.provider;

import dev.shopstream.notifications.delivery.DeliveryFailedException;

/** The provider answered that the recipient is gone for good (410: an app uninstalled, a token expired). */
public class RecipientGoneException extends DeliveryFailedException {

    public RecipientGoneException(String message) {
        super(message, true, null);
    }
}
