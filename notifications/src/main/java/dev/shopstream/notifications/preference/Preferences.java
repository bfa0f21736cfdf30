package dev.shopstream.notifications.preference;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What users receive: every category on every channel, with {@link Category}'s defaults (transactional always on by
 * mail and in the shop, on by push until switched off, by SMS only after opting in; marketing off until the user
 * opts in). Asked before anything is sent ({@link #allows}); a new channel is covered as soon as {@link Channel} has
 * it.
 */
@ApplicationScoped
public class Preferences {

    @Inject
    PreferenceStore store;

    /** Every category on every channel for the user, in the enums' order. */
    public List<Preference> of(String userId) {
        Map<String, Boolean> stored = store.stored(userId).stream()
                .collect(Collectors.toMap(Preferences::key, Preference::enabled));
        List<Preference> all = new ArrayList<>();
        for (Category category : Category.values()) {
            for (Channel channel : Channel.values()) {
                if (!channel.forPeople()) {
                    continue;
                }
                all.add(new Preference(category, channel, category.alwaysOn(channel)
                        || stored.getOrDefault(key(new Preference(category, channel, false)),
                        category.onByDefault(channel))));
            }
        }
        return all;
    }

    /**
     * Replaces the user's choices: what {@code wanted} lists is set, every other choice goes back to its default
     * (e.g. marketing off). Switching off what is always on (transactional mail and in-app) is refused, and nothing
     * is changed.
     */
    @Transactional
    public List<Preference> replace(String userId, List<Preference> wanted) {
        Map<String, Preference> byKey = wanted.stream().collect(Collectors.toMap(Preferences::key,
                Function.identity(), (first, second) -> second));
        for (Preference preference : byKey.values()) {
            if (preference.category().alwaysOn(preference.channel()) && !preference.enabled()) {
                throw new RuleViolationException(preference.category().code() + " messages are always sent: "
                        + "they cannot be switched off (" + preference.channel().code() + ").");
            }
        }
        store.forget(userId);
        byKey.values().stream().filter(preference -> !preference.category().alwaysOn(preference.channel()))
                .forEach(preference -> store.save(userId, preference));
        return of(userId);
    }

    /** Switches one category off on one channel, as an unsubscribe link asks; again changes nothing. */
    @Transactional
    public Preference unsubscribe(Subscription subscription) {
        if (subscription.category().alwaysOn(subscription.channel())) {
            throw new RuleViolationException(subscription.category().code() + " messages are always sent.");
        }
        Preference off = new Preference(subscription.category(), subscription.channel(), false);
        store.save(subscription.userId(), off);
        return off;
    }

    public boolean subscribed(Subscription subscription) {
        return allows(subscription.userId(), subscription.category(), subscription.channel());
    }

    /** Whether a message of the category may go to the user on the channel; {@code null} is staff's address. */
    public boolean allows(String userId, Category category, Channel channel) {
        if (category.alwaysOn(channel)) {
            return true;
        }
        if (userId == null) {
            return category.onByDefault(channel);
        }
        return store.enabled(userId, category, channel).orElse(category.onByDefault(channel));
    }

    private static String key(Preference preference) {
        return preference.category().code() + "/" + preference.channel().code();
    }
}
