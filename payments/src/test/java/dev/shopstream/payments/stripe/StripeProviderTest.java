package dev.shopstream.payments.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.stripe.Stripe;
import dev.shopstream.payments.provider.PaymentProvider.AuthorizationRequest;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderCharge.ChargeStatus;
import dev.shopstream.payments.provider.ProviderEvent;
import dev.shopstream.payments.provider.ProviderRefund;
import dev.shopstream.payments.provider.ProviderRefusedException;
import dev.shopstream.payments.provider.ProviderUnavailableException;
import dev.shopstream.payments.provider.WebhookRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter against WireMock serving Stripe-shaped responses; Stripe itself is never called. */
class StripeProviderTest {

    private static final String WEBHOOK_SECRET = "whsec_test_" + UUID.randomUUID();
    private static final WireMockServer STRIPE = new WireMockServer(WireMockConfiguration.options().dynamicPort().jettyAcceptors(1));

    private StripeProvider provider;
    private final String paymentId = UUID.randomUUID().toString();

    @BeforeAll
    static void startStub() {
        STRIPE.start();
    }

    @AfterAll
    static void stopStub() {
        STRIPE.stop();
    }

    @BeforeEach
    void connect() {
        STRIPE.resetAll();
        provider = StripeProvider.connectedTo(new StripeSettings(Optional.of("sk_test_stub"), STRIPE.baseUrl(),
                Optional.of(WEBHOOK_SECRET), Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    private String paymentIntent(String status, long received, long refunded) {
        return """
                {"id": "pi_123", "object": "payment_intent", "amount": 5000, "amount_received": %d,
                 "currency": "eur", "status": "%s", "created": 1764065730,
                 "metadata": {"shopstream_payment_id": "%s"},
                 "latest_charge": {"id": "ch_123", "object": "charge", "amount_refunded": %d}}"""
                .formatted(received, status, paymentId, refunded);
    }

    @Test
    void authorizationCreatesAConfirmedManualCapturePaymentIntentUnderOurKey() {
        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(paymentIntent("requires_capture", 0, 0))));

        ProviderCharge charge = provider.authorize(new AuthorizationRequest(paymentId, 5000, "EUR", "pm_card_visa"));

        assertThat(charge).isEqualTo(new ProviderCharge("pi_123", paymentId, ChargeStatus.AUTHORIZED, 5000, "EUR", 0, 0,
                null));
        STRIPE.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo(paymentId))
                .withHeader("Authorization", equalTo("Bearer sk_test_stub"))
                .withRequestBody(containing("amount=5000"))
                .withRequestBody(containing("currency=eur"))
                .withRequestBody(containing("capture_method=manual"))
                .withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("payment_method=pm_card_visa"))
                .withRequestBody(containing("metadata[shopstream_payment_id]=" + paymentId)
                        .or(containing("metadata%5Bshopstream_payment_id%5D=" + paymentId))));
    }

    @Test
    void threeDSecureIsARequiredAction() {
        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(paymentIntent("requires_action", 0, 0))));

        ProviderCharge charge = provider.authorize(new AuthorizationRequest(paymentId, 5000, "EUR", "pm_card_3ds"));

        assertThat(charge.status()).isEqualTo(ChargeStatus.REQUIRES_ACTION);
    }

    @Test
    void declineIsAFailedChargeWithStripesDeclineCode() {
        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                         "message": "Your card has insufficient funds.",
                         "payment_intent": {"id": "pi_declined", "object": "payment_intent", "status": "requires_payment_method"}}}""")));

        ProviderCharge charge = provider.authorize(new AuthorizationRequest(paymentId, 5000, "EUR", "pm_card_visa"));

        assertThat(charge.status()).isEqualTo(ChargeStatus.FAILED);
        assertThat(charge.reference()).isEqualTo("pi_declined");
        assertThat(charge.failureCode()).isEqualTo("insufficient_funds");
    }

    @Test
    void stripeServerErrorIsTransientAndABadRequestIsARefusal() {
        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}")));
        assertThatThrownBy(() -> provider.authorize(new AuthorizationRequest(paymentId, 5000, "EUR", "pm_card_visa")))
                .isInstanceOf(ProviderUnavailableException.class);

        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_123/capture")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "invalid_request_error", "code": "payment_intent_unexpected_state",
                         "message": "This PaymentIntent could not be captured because it has a status of canceled."}}""")));
        assertThatThrownBy(() -> provider.capture("pi_123", 5000, paymentId + ":capture"))
                .isInstanceOf(ProviderRefusedException.class).hasMessageContaining("canceled");
    }

    @Test
    void captureCancelAndRefundCarryTheirIdempotencyKeys() {
        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_123/capture"))
                .willReturn(okJson(paymentIntent("succeeded", 4000, 0))));
        STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_123/cancel"))
                .willReturn(okJson(paymentIntent("canceled", 0, 0))));
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson("""
                {"id": "re_1", "object": "refund", "amount": 1500, "payment_intent": "pi_123", "status": "succeeded"}""")));

        ProviderCharge captured = provider.capture("pi_123", 4000, paymentId + ":capture");
        ProviderCharge canceled = provider.cancel("pi_123", paymentId + ":void");
        ProviderRefund refund = provider.refund("pi_123", 1500, paymentId + ":refund:k1");

        assertThat(captured.status()).isEqualTo(ChargeStatus.CAPTURED);
        assertThat(captured.capturedMinor()).isEqualTo(4000);
        assertThat(canceled.status()).isEqualTo(ChargeStatus.CANCELED);
        assertThat(refund).isEqualTo(new ProviderRefund("re_1", "pi_123", 1500));
        STRIPE.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_123/capture"))
                .withHeader("Idempotency-Key", equalTo(paymentId + ":capture"))
                .withRequestBody(containing("amount_to_capture=4000")));
        STRIPE.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_123/cancel"))
                .withHeader("Idempotency-Key", equalTo(paymentId + ":void")));
        STRIPE.verify(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(paymentId + ":refund:k1"))
                .withRequestBody(containing("payment_intent=pi_123")).withRequestBody(containing("amount=1500")));
    }

    @Test
    void lostAnswerIsFoundBySearchingOurPaymentId() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(okJson("""
                {"object": "search_result", "has_more": false, "data": [%s]}""".formatted(
                paymentIntent("requires_capture", 0, 0)))));

        Optional<ProviderCharge> found = provider.findCharge(paymentId);

        assertThat(found).map(ProviderCharge::reference).hasValue("pi_123");
        STRIPE.verify(getRequestedFor(urlPathEqualTo("/v1/payment_intents/search"))
                .withQueryParam("query", equalTo("metadata['shopstream_payment_id']:'" + paymentId + "'")));
    }

    @Test
    void reconciliationListsTheWindowsPaymentIntents() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson("""
                {"object": "list", "url": "/v1/payment_intents", "has_more": false, "data": [%s]}""".formatted(
                paymentIntent("succeeded", 5000, 1000)))));
        Instant from = Instant.parse("2026-11-24T00:00:00Z");

        List<ProviderCharge> charges = provider.chargesCreatedBetween(from, from.plus(Duration.ofDays(1)));

        assertThat(charges).containsExactly(new ProviderCharge("pi_123", paymentId, ChargeStatus.CAPTURED, 5000, "EUR",
                5000, 1000, null));
        STRIPE.verify(getRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withQueryParam("created[gte]", equalTo(Long.toString(from.getEpochSecond()))));
    }

    @Test
    void signedPaymentIntentEventIsRead() {
        String payload = event("payment_intent.succeeded", paymentIntent("succeeded", 5000, 0));

        ProviderEvent event = provider.readWebhook(sign(payload, Instant.now(), WEBHOOK_SECRET),
                payload.getBytes(StandardCharsets.UTF_8));

        assertThat(event.id()).isEqualTo("evt_1");
        assertThat(event.charge().status()).isEqualTo(ChargeStatus.CAPTURED);
        assertThat(event.charge().idempotencyKey()).isEqualTo(paymentId);
        assertThat(event.refund()).isNull();
    }

    @Test
    void refundEventNamesItsPaymentIntent() {
        String payload = event("refund.created", """
                {"id": "re_9", "object": "refund", "amount": 700, "payment_intent": "pi_123", "status": "succeeded"}""");

        ProviderEvent event = provider.readWebhook(sign(payload, Instant.now(), WEBHOOK_SECRET),
                payload.getBytes(StandardCharsets.UTF_8));

        assertThat(event.charge()).isNull();
        assertThat(event.refund()).isEqualTo(new ProviderRefund("re_9", "pi_123", 700));
    }

    @Test
    void forgedStaleAndUnsignedEventsAreRejected() {
        String payload = event("payment_intent.succeeded", paymentIntent("succeeded", 5000, 0));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> provider.readWebhook(sign(payload, Instant.now(), "whsec_forged"), body))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> provider.readWebhook(sign(payload, Instant.now().minus(Duration.ofMinutes(6)),
                WEBHOOK_SECRET), body)).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> provider.readWebhook(null, body)).isInstanceOf(WebhookRejectedException.class);
    }

    private static String event(String type, String object) {
        return """
                {"id": "evt_1", "object": "event", "api_version": "%s", "created": 1764065730, "type": "%s",
                 "data": {"object": %s}}""".formatted(Stripe.API_VERSION, type, object);
    }

    /** Stripe's scheme, computed here independently: t=timestamp, v1=HMAC-SHA256(secret, "t.payload"). */
    private static String sign(String payload, Instant at, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((at.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
