package dev.shopstream.notifications.provider;

import dev.shopstream.notifications.template.TemplateKey.Channel;

/**
 * One SMS or push notification as a provider receives it.
 *
 * @param reference the delivery's id: the same on every attempt, so a provider can drop a repeat
 * @param to        the phone number (E.164) or the device's token
 * @param platform  the device's platform ({@code ios}, {@code android}, {@code web}); absent for SMS
 * @param title     the push notification's title; for SMS the delivery log's label, not sent
 * @param userId    whom it goes to, for the local sink's record; never posted to a provider
 */
public record ProviderMessage(String reference, Channel channel, String notice, String to, String platform,
                              String title, String text, String userId) {
}
