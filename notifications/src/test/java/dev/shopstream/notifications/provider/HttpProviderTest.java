package dev.shopstream.notifications.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.shopstream.notifications.delivery.DeliveryFailedException;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The HTTP provider against a stub of one (WireMock): what it posts, with the bearer token and the delivery's id as
 * idempotency key, and how it reads the answers — 2xx sent, 4xx refused for good (but 401, 403, 408, 425 and 429
 * tried again), 410 the recipient gone, 5xx, timeouts and a provider that is not there tried again.
 */
class HttpProviderTest {

    private static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .jettyAcceptors(1));
    private static final String TOKEN = "test-provider-token";

    private HttpProvider provider;

    @BeforeAll
    static void start() {
        PROVIDER.start();
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop();
    }

    @BeforeEach
    void reset() {
        PROVIDER.resetAll();
        provider = new HttpProvider(URI.create(PROVIDER.baseUrl() + "/v1/messages"), Optional.of(TOKEN),
                Duration.ofMillis(500));
    }

    @Test
    void anSmsIsPostedAsJsonWithTheTokenAndTheDeliveryAsIdempotencyKey() throws Exception {
        PROVIDER.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(202)));
        ProviderMessage sms = sms();

        provider.send(sms);

        PROVIDER.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Idempotency-Key", equalTo(sms.reference()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"reference": "%s", "channel": "sms", "notice": "order.shipped", "to": "+4915112345678",
                         "text": "Shopstream: your order 3F0C2A4E is on its way."}""".formatted(sms.reference()))));
    }

    @Test
    void aPushNotificationCarriesItsPlatformAndTitleButNeverTheUserId() throws Exception {
        PROVIDER.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)));
        ProviderMessage push = new ProviderMessage(UUID.randomUUID().toString(), Channel.PUSH, "order.shipped",
                "device-token-0123456789abcdef", "android", "Order 3F0C2A4E is on its way",
                "Your parcel has shipped.", "sub-robin");

        provider.send(push);

        PROVIDER.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"reference": "%s", "channel": "push", "notice": "order.shipped",
                 "to": "device-token-0123456789abcdef", "platform": "android",
                 "title": "Order 3F0C2A4E is on its way", "text": "Your parcel has shipped."}"""
                .formatted(push.reference()))));
        assertThat(PROVIDER.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("sub-robin");
    }

    @Test
    void withoutATokenNoAuthorizationIsSent() throws Exception {
        PROVIDER.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(204)));

        new HttpProvider(URI.create(PROVIDER.baseUrl() + "/v1/messages"), Optional.of(" "), Duration.ofSeconds(1))
                .send(sms());

        assertThat(PROVIDER.getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 413, 422})
    void aRefusedMessageIsNotTriedAgain(int status) {
        PROVIDER.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(status)
                .withBody("{\"error\":\"invalid number +4915112345678\"}")));

        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                () -> provider.send(sms()));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure).isNotInstanceOf(RecipientGoneException.class);
        assertThat(failure.getMessage()).contains("answered " + status).doesNotContain("+4915112345678");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 425, 429, 401, 403, 302})
    void aProviderInTroubleOrRefusingOurCredentialsIsTriedAgain(int status) {
        PROVIDER.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(status)));

        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                () -> provider.send(sms()));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).contains("answered " + status).doesNotContain(TOKEN);
    }

    @Test
    void goneMeansTheRecipientIsGoneForGood() {
        PROVIDER.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(410)));

        assertThatThrownBy(() -> provider.send(sms())).isInstanceOf(RecipientGoneException.class)
                .satisfies(failure -> assertThat(((DeliveryFailedException) failure).permanent()).isTrue());
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsTriedAgain() {
        PROVIDER.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                () -> provider.send(sms()));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).contains("did not answer within PT0.5S");
    }

    @Test
    void aProviderThatIsNotThereIsTriedAgain() {
        HttpProvider nowhere = new HttpProvider(URI.create("http://localhost:1/v1/messages"), Optional.of(TOKEN),
                Duration.ofMillis(500));

        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                () -> nowhere.send(sms()));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).startsWith("Could not reach the sms provider");
    }

    private static ProviderMessage sms() {
        return new ProviderMessage(UUID.randomUUID().toString(), Channel.SMS, "order.shipped", "+4915112345678",
                null, "Order 3F0C2A4E shipped", "Shopstream: your order 3F0C2A4E is on its way.", "sub-robin");
    }
}
