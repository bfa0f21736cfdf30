package dev.shopstream.notifications.webhook;

import dev.shopstream.notifications.notice.Notice;
import dev.shopstream.notifications.notice.Notices;
import dev.shopstream.notifications.recipient.Recipient;
import dev.shopstream.notifications.recipient.Recipients;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Counts an endpoint's failed attempts in a row; at {@code disable-after-failures}, or when it answers 410 Gone,
 * the endpoint is disabled and staff are told by mail and in the shop's staff messages (notice
 * {@code webhook.disabled}), in the same transaction.
 */
@ApplicationScoped
public class WebhookFailures {

    private static final Logger LOG = Logger.getLogger(WebhookFailures.class.getName());

    @Inject
    WebhookEndpointStore endpoints;

    @Inject
    Notices notices;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.webhooks.disable-after-failures")
    int disableAfter;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.staff-email")
    String staffEmail;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.default-locale")
    String staffLocale;

    @Transactional
    public void failed(UUID endpointId, String reason) {
        int inARow = endpoints.failed(endpointId);
        if (inARow >= disableAfter) {
            disable(endpointId, inARow + " attempts in a row failed; the last: " + reason);
        }
    }

    @Transactional
    public void gone(UUID endpointId) {
        disable(endpointId, "The endpoint answered 410 Gone.");
    }

    private void disable(UUID endpointId, String reason) {
        endpoints.disable(endpointId, reason).ifPresent(endpoint -> {
            LOG.warning(() -> "Webhook endpoint " + endpoint.id() + " of " + endpoint.owner() + " disabled: " + reason);
            Map<String, Object> model = Map.of("endpointId", endpoint.id().toString(), "url", endpoint.url(),
                    "owner", endpoint.owner(), "reason", reason);
            notices.announce(new Notice("webhook-disabled:" + endpoint.id() + ":" + endpoint.updatedAt(),
                            "webhook.disabled", Recipients.STAFF, Set.of(Channel.EMAIL, Channel.IN_APP),
                            locale -> model, null),
                    Optional.of(new Recipient(Recipients.STAFF, staffEmail, null, staffLocale)));
        });
    }
}
