package dev.shopstream.notifications.notice;

import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.template.TemplateKey.Channel;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Something that happened which someone should hear about, from one event: the notice's name (its templates' name,
 * e.g. {@code order.confirmed}), whom it concerns, on which channels, and the values its templates print, made for
 * the recipient's locale (amounts and dates are formatted there).
 *
 * @param userId  the user it concerns, or {@code null} for a notice to staff
 * @param orderId  the order it is about, if any, for the in-app message's link
 * @param category whether the recipient may refuse it (marketing) or not (transactional)
 */
public record Notice(String eventId, String name, String userId, Set<Channel> channels,
                     Function<Locale, Map<String, Object>> model, String orderId, Category category) {

    /** The longest event, user or order id a notice is made from (the platform's are UUIDs); longer is refused. */
    public static final int MAX_ID_LENGTH = 255;

    /** A transactional notice: what the platform's events announce. */
    public Notice(String eventId, String name, String userId, Set<Channel> channels,
                  Function<Locale, Map<String, Object>> model, String orderId) {
        this(eventId, name, userId, channels, model, orderId, Category.TRANSACTIONAL);
    }
}
