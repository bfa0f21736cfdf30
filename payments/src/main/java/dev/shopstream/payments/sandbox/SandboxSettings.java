package dev.shopstream.payments.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;

/** How the sandbox provider behaves; every value is MicroProfile Config (SHOPSTREAM_PAYMENTS_SANDBOX_...). */
@ApplicationScoped
public class SandboxSettings {

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.webhook-secret")
    String webhookSecret;

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.webhook-url")
    URI webhookUrl;

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.latency", defaultValue = "PT0.01S")
    Duration latency;

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.slow-latency", defaultValue = "PT10S")
    Duration slowLatency;

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.confirmation-delay", defaultValue = "PT2S")
    Duration confirmationDelay;

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.webhooks.enabled", defaultValue = "true")
    boolean webhooksEnabled;

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.webhooks.delay", defaultValue = "PT0.2S")
    Duration webhookDelay;

    /** The share of events (0 to 1) delivered twice, as real providers sometimes do. */
    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.webhooks.duplicate-rate", defaultValue = "0")
    double duplicateRate;

    /** Each delivery waits a random extra time up to this, so events of one charge may arrive out of order. */
    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.webhooks.reorder-window", defaultValue = "PT0S")
    Duration reorderWindow;

    @Inject
    @ConfigProperty(name = "shopstream.payments.sandbox.webhooks.poll-interval", defaultValue = "PT0.2S")
    Duration pollInterval;

    public String webhookSecret() {
        return webhookSecret;
    }

    public URI webhookUrl() {
        return webhookUrl;
    }

    public Duration latency() {
        return latency;
    }

    public Duration slowLatency() {
        return slowLatency;
    }

    public Duration confirmationDelay() {
        return confirmationDelay;
    }

    public boolean webhooksEnabled() {
        return webhooksEnabled;
    }

    public Duration webhookDelay() {
        return webhookDelay;
    }

    public double duplicateRate() {
        return duplicateRate;
    }

    public Duration reorderWindow() {
        return reorderWindow;
    }

    public Duration pollInterval() {
        return pollInterval;
    }
}
