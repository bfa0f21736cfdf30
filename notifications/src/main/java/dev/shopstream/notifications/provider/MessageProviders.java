package dev.shopstream.notifications.provider;

import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Which provider a channel's messages go to, from {@code shopstream.notifications.<channel>.provider}: {@code local}
 * (the default: the local sink) or {@code http}, posting to {@code ….http.url} with {@code ….http.token} within
 * {@code ….http.timeout}. A setting that cannot work (an unknown provider, http without a URL, plain http to another
 * host than this one, a timeout longer than the mail timeout the dispatcher's lease is sized by) stops the start.
 */
@ApplicationScoped
public class MessageProviders {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Inject
    Config config;

    @Inject
    LocalSink sink;

    /** @throws IllegalStateException if the channel's settings cannot work */
    public MessageProvider of(Channel channel) {
        String prefix = "shopstream.notifications." + channel.code() + ".";
        String provider = config.getOptionalValue(prefix + "provider", String.class).orElse("local");
        switch (provider) {
            case "local":
                return sink;
            case "http":
                break;
            default:
                throw new IllegalStateException(prefix + "provider is " + provider + ": local or http.");
        }
        URI url = config.getOptionalValue(prefix + "http.url", String.class).map(URI::create).orElseThrow(() ->
                new IllegalStateException(prefix + "provider is http, but " + prefix + "http.url is not set."));
        boolean https = "https".equals(url.getScheme());
        if (url.getHost() == null || !(https || "http".equals(url.getScheme()) && LOOPBACK.contains(url.getHost()))) {
            throw new IllegalStateException(prefix + "http.url must be an https URL (http only to this host).");
        }
        Duration timeout = config.getValue(prefix + "http.timeout", Duration.class);
        Duration mailTimeout = config.getValue("shopstream.mail.timeout", Duration.class);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(mailTimeout) > 0) {
            throw new IllegalStateException(prefix + "http.timeout must be positive and at most shopstream.mail"
                    + ".timeout (" + mailTimeout + ").");
        }
        Optional<String> token = config.getOptionalValue(prefix + "http.token", String.class);
        return new HttpProvider(url, token, timeout);
    }
}
