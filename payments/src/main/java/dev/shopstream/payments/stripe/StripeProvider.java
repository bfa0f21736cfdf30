package dev.shopstream.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import dev.shopstream.payments.provider.PaymentProvider;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderEvent;
import dev.shopstream.payments.provider.ProviderRefund;
import dev.shopstream.payments.provider.ProviderRefusedException;
import dev.shopstream.payments.provider.ProviderUnavailableException;
import dev.shopstream.payments.provider.WebhookRejectedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe through its official Java SDK: a PaymentIntent per payment (manual capture, confirmed at once), capture,
 * cancel and refunds, each with a Stripe idempotency key, and webhooks verified with Stripe's signature scheme
 * ({@code Stripe-Signature}). Chosen with {@code shopstream.payments.provider=stripe}.
 */
@ApplicationScoped
public class StripeProvider implements PaymentProvider {

    public static final String NAME = "stripe";

    private static final Set<String> PAYMENT_INTENT_EVENTS = Set.of("payment_intent.amount_capturable_updated",
            "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
            "payment_intent.requires_action", "payment_intent.processing");
    private static final Set<String> REFUND_EVENTS = Set.of("refund.created", "refund.updated");

    @Inject
    @ConfigProperty(name = "shopstream.payments.stripe.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "shopstream.payments.stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "shopstream.payments.stripe.webhook-secret")
    Optional<String> webhookSecret;

    @Inject
    @ConfigProperty(name = "shopstream.payments.webhooks.tolerance", defaultValue = "PT5M")
    Duration tolerance;

    private StripeSettings settings;
    private StripeClient client;

    public StripeProvider() {
        // for CDI
    }

    /** A provider outside CDI, e.g. against a stub of Stripe's API. */
    public static StripeProvider connectedTo(StripeSettings settings) {
        StripeProvider provider = new StripeProvider();
        provider.configure(settings);
        return provider;
    }

    @PostConstruct
    void configure() {
        configure(new StripeSettings(apiKey, apiBase, webhookSecret, tolerance, Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
    }

    private void configure(StripeSettings settings) {
        this.settings = settings;
        this.client = settings.apiKey().filter(key -> !key.isBlank()).map(key -> StripeClient.builder()
                .setApiKey(key)
                .setApiBase(settings.apiBase())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                // Retries belong to ProviderGateway's fault tolerance, where they are counted and bounded.
                .setMaxNetworkRetries(0)
                .build()).orElse(null);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderCharge authorize(AuthorizationRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amountMinor())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethodToken())
                .setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putMetadata(StripeCharges.PAYMENT_ID, request.idempotencyKey())
                .addExpand("latest_charge")
                .build();
        try {
            return StripeCharges.of(client().paymentIntents().create(params, keyed(request.idempotencyKey())));
        } catch (CardException declined) {
            // Stripe answers a decline with 402 and the PaymentIntent it created in the error.
            PaymentIntent failed = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
            return ProviderCharge.failed(failed == null ? null : failed.getId(), request.idempotencyKey(),
                    request.amountMinor(), request.currency(), StripeCharges.failureCodeOf(declined.getStripeError()));
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public Optional<ProviderCharge> findCharge(String idempotencyKey) {
        PaymentIntentSearchParams params = PaymentIntentSearchParams.builder()
                .setQuery("metadata['" + StripeCharges.PAYMENT_ID + "']:'" + idempotencyKey.replace("'", "") + "'")
                .addExpand("data.latest_charge")
                .build();
        try {
            return client().paymentIntents().search(params).getData().stream().findFirst().map(StripeCharges::of);
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public List<ProviderCharge> chargesCreatedBetween(Instant from, Instant to) {
        PaymentIntentListParams params = PaymentIntentListParams.builder()
                .setCreated(PaymentIntentListParams.Created.builder()
                        .setGte(from.getEpochSecond()).setLt(to.getEpochSecond()).build())
                .setLimit(100L)
                .addExpand("data.latest_charge")
                .build();
        try {
            List<ProviderCharge> charges = new ArrayList<>();
            for (PaymentIntent intent : client().paymentIntents().list(params).autoPagingIterable()) {
                charges.add(StripeCharges.of(intent));
            }
            return charges;
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public ProviderCharge capture(String chargeReference, long amountMinor, String idempotencyKey) {
        PaymentIntentCaptureParams params = PaymentIntentCaptureParams.builder().setAmountToCapture(amountMinor)
                .addExpand("latest_charge").build();
        try {
            return StripeCharges.of(client().paymentIntents().capture(chargeReference, params, keyed(idempotencyKey)));
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public ProviderCharge cancel(String chargeReference, String idempotencyKey) {
        try {
            return StripeCharges.of(client().paymentIntents().cancel(chargeReference, keyed(idempotencyKey)));
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public ProviderRefund refund(String chargeReference, long amountMinor, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(chargeReference)
                .setAmount(amountMinor).build();
        try {
            Refund refund = client().refunds().create(params, keyed(idempotencyKey));
            return new ProviderRefund(refund.getId(), chargeReference, refund.getAmount());
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public ProviderEvent readWebhook(String signatureHeader, byte[] body) {
        String secret = settings.webhookSecret().filter(value -> !value.isBlank())
                .orElseThrow(() -> new WebhookRejectedException("Stripe webhooks are not configured."));
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookRejectedException("The signature header is missing.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(new String(body, StandardCharsets.UTF_8), signatureHeader, secret,
                    settings.tolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new WebhookRejectedException("The Stripe signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new WebhookRejectedException("The payload is not a Stripe event.");
        }
        StripeObject object = objectOf(event);
        if (PAYMENT_INTENT_EVENTS.contains(event.getType()) && object instanceof PaymentIntent intent) {
            return new ProviderEvent(event.getId(), event.getType(), StripeCharges.of(intent), null);
        }
        if (REFUND_EVENTS.contains(event.getType()) && object instanceof Refund refund
                && "succeeded".equals(refund.getStatus())) {
            return new ProviderEvent(event.getId(), event.getType(), null,
                    new ProviderRefund(refund.getId(), refund.getPaymentIntent(), refund.getAmount()));
        }
        throw new WebhookRejectedException("Stripe event type " + event.getType() + " is not subscribed.");
    }

    @Override
    public String signatureHeader() {
        return "Stripe-Signature";
    }

    /** The event's object, also when the account's API version differs from the SDK's. */
    private static StripeObject objectOf(Event event) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        try {
            return data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new WebhookRejectedException("The Stripe event's object cannot be read.");
        }
    }

    private StripeClient client() {
        if (client == null) {
            throw new IllegalStateException("Stripe is not configured: set SHOPSTREAM_PAYMENTS_STRIPE_API_KEY");
        }
        return client;
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** Network trouble, rate limits and Stripe's 5xx may be retried under the same key; anything else may not. */
    private static RuntimeException translate(StripeException e) {
        if (e instanceof ApiConnectionException || e instanceof RateLimitException || e instanceof ApiException) {
            return new ProviderUnavailableException("Stripe did not answer: " + e.getMessage(), e);
        }
        String detail = e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage();
        return new ProviderRefusedException("Stripe refused (" + e.getStatusCode() + " " + e.getCode() + "): " + detail);
    }
}
