package dev.shopstream.notifications.preference;

import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one-click unsubscribe links (RFC 8058) marketing mail carries: the public address of
 * {@code POST /api/notifications/unsubscribe} with the signed subscription, from
 * {@code shopstream.notifications.public-url} and {@code shopstream.notifications.unsubscribe.signing-key}.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** Where the link leads, below the public URL. */
    public static final String PATH = "/api/notifications/unsubscribe";
    /** The query parameter that carries the signed subscription. */
    public static final String PARAMETER = "subscription";

    @Inject
    @ConfigProperty(name = "shopstream.notifications.public-url")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.unsubscribe.signing-key")
    String signingKey;

    private SubscriptionSigner signer;

    @PostConstruct
    void configure() {
        signer = new SubscriptionSigner(SubscriptionSigner.keyBytes(signingKey));
    }

    public String url(String userId, Category category, Channel channel) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + PATH + "?" + PARAMETER + "=" + signer.sign(new Subscription(userId, category, channel));
    }

    /** @throws InvalidSubscriptionException when the shop did not sign it */
    public Subscription verify(String signed) {
        return signer.verify(signed);
    }
}
