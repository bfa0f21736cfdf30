package dev.shopstream.payments.sandbox;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import dev.shopstream.payments.webhook.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox's side of webhooks: confirms charges that wait for the simulated customer, and POSTs due events to
 * the service's webhook endpoint, signed at send time, until it answers 2xx. Deliveries are leased in the database,
 * so replicas never send the same delivery at once, and recorded as delivered a leased batch at a time: a replica
 * that stops mid-batch leaves its sent deliveries to be sent again, as real providers resend.
 */
@ApplicationScoped
public class SandboxWebhookSender extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(SandboxWebhookSender.class.getName());
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    SandboxRecords records;

    @Inject
    SandboxSettings settings;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Duration delay() {
        return settings.pollInterval();
    }

    @Override
    protected void run() {
        while (records.confirmDue(BATCH) == BATCH) {
            LOG.fine("Confirmed a batch of sandbox charges");
        }
        eachBatch(BATCH, size -> records.leaseDueDeliveries(size, LEASE), this::sendAll);
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Sandbox webhook delivery failed; will try again", cause);
    }

    private void sendAll(List<SandboxRecords.Delivery> batch) {
        List<Long> delivered = new ArrayList<>();
        for (SandboxRecords.Delivery delivery : batch) {
            if (send(delivery)) {
                delivered.add(delivery.id());
            }
        }
        records.delivered(delivered);
    }

    /** Whether the service acknowledged the delivery; when not, it is due again after a back-off. */
    private boolean send(SandboxRecords.Delivery delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.webhookUrl())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SandboxProvider.SIGNATURE_HEADER,
                        new WebhookSignature(settings.webhookSecret()).sign(body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            LOG.fine(() -> "Webhook delivery " + delivery.id() + " answered " + status + "; retrying later");
        } catch (IOException e) {
            LOG.fine(() -> "Webhook delivery " + delivery.id() + " failed: " + e.getMessage() + "; retrying later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        records.deliveryFailed(delivery);
        return false;
    }
}
