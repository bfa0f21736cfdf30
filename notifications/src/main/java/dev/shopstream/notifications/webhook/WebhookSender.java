package dev.shopstream.notifications.webhook;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.notifications.delivery.Delivery;
import dev.shopstream.notifications.delivery.DeliveryFailedException;
import dev.shopstream.notifications.delivery.Sender;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Posts a webhook delivery (the event's CloudEvents JSON) to its endpoint, signed as {@link WebhookSignature} says,
 * without following redirects. A 2xx answer is delivered; anything else is a failed attempt, retried with the
 * dispatcher's backoff, and counted against the endpoint ({@link WebhookFailures}). An endpoint that was deleted or
 * disabled, or whose URL is no longer allowed, gets nothing more: the delivery is dead.
 */
@ApplicationScoped
public class WebhookSender implements Sender {

    @Inject
    WebhookEndpointStore endpoints;

    @Inject
    WebhookUrls urls;

    @Inject
    WebhookFailures failures;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.webhooks.timeout")
    Duration timeout;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailedException {
        UUID endpointId = UUID.fromString(delivery.recipient());
        WebhookEndpointStore.Target target = endpoints.target(endpointId).orElseThrow(() ->
                new DeliveryFailedException("The endpoint was deleted.", true, null));
        if (!target.active()) {
            throw new DeliveryFailedException("The endpoint is disabled.", true, null);
        }
        URI uri;
        try {
            uri = urls.check(target.url());
        } catch (RuleViolationException e) {
            throw failed(endpointId, e.getMessage(), null);
        }
        long timestamp = Instant.now().getEpochSecond();
        String id = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/cloudevents+json")
                .header("User-Agent", "Shopstream-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(target.secret(), id, timestamp,
                        delivery.textBody()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.textBody())).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw failed(endpointId, "Could not post to the endpoint: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("Interrupted while posting", false, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            endpoints.succeeded(endpointId);
            return;
        }
        if (status == 410) {
            failures.gone(endpointId);
            throw new DeliveryFailedException("The endpoint answered 410 Gone; it is disabled.", true, null);
        }
        throw failed(endpointId, "The endpoint answered " + status + ".", null);
    }

    private DeliveryFailedException failed(UUID endpointId, String reason, Throwable cause) {
        failures.failed(endpointId, reason);
        return new DeliveryFailedException(reason, false, cause);
    }
}
