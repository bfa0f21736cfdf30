package dev.shopstream.payments.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.shopstream.testkit.Problems.fields;
import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get the right status and a problem document, and change nothing. */
class BadInputIT extends PaymentsApiTest {

    private static final String CARD_NUMBER = "4242 4242 4242 4242";

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(create("{\"orderId\": \"o-1\", "), 400, "malformed-request");
    }

    @Test
    void wrongValueTypeIsABadRequest() {
        String body = intentBody("carol", 100, "EUR", "pm_card_visa").replace("\"amountMinor\":100",
                "\"amountMinor\":\"a hundred\"");

        assertProblem(create(body), 400, "malformed-request");
    }

    @Test
    void unknownPropertyIsRefused() {
        String body = intentBody("carol", 100, "EUR", "pm_card_visa").replace("{", "{\"status\":\"captured\",");

        assertProblem(create(body), 400, "malformed-request");
    }

    @Test
    void missingFieldsAreListed() {
        JsonObject problem = assertProblem(create("{\"orderId\":\"o-1\"}"), 400, "validation-failed");

        assertThat(fields(problem)).containsExactlyInAnyOrder("customerId", "amountMinor", "currency",
                "paymentMethodToken");
    }

    @Test
    void nonPositiveAmountUnknownCurrencyAndOddTokenAreRefused() {
        JsonObject problem = assertProblem(create(intentBody("carol", 0, "XYZ", "pm card visa")), 400,
                "validation-failed");

        assertThat(fields(problem)).containsExactlyInAnyOrder("amountMinor", "currency", "paymentMethodToken");
    }

    @Test
    void overLongOrderIdIsRefused() {
        String body = intentBody("carol", 100, "EUR", "pm_card_visa").replaceFirst("order-", "x".repeat(101));

        assertThat(fields(assertProblem(create(body), 400, "validation-failed"))).containsExactly("orderId");
    }

    @Test
    void oversizedBodyIsTooLarge() {
        String body = intentBody("carol", 100, "EUR", "pm_card_visa").replaceFirst("order-", "x".repeat(300_000));

        assertProblem(create(body), 413, "payload-too-large");
    }

    @Test
    void nonJsonBodyIsUnsupported() {
        HttpResponse<String> response = api.send(api.request(INTENTS)
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + orders)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("pay me")));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void createWithoutAnIdempotencyKeyIsRefused() {
        assertProblem(api.postJson(INTENTS, intentBody("carol", 100, "EUR", "pm_card_visa"), orders), 400,
                "idempotency-key-missing");
    }

    @Test
    void refundWithoutAnIdempotencyKeyIsRefused() {
        String id = payment(100, "pm_card_visa").getString("id");

        assertProblem(api.postJson(INTENTS + "/" + id + "/refunds", "{\"amountMinor\":1,\"reason\":\"x\"}", support),
                400, "idempotency-key-missing");
    }

    @Test
    void captureWithoutABodyIsRefused() {
        String id = payment(100, "pm_card_visa").getString("id");

        assertProblem(capture(id, ""), 400, "malformed-request");
        assertThat(read(id).getString("status")).isEqualTo("requires_capture");
    }

    @Test
    void refundWithoutAmountOrReasonIsRefused() {
        String id = payment(100, "pm_card_visa").getString("id");

        JsonObject problem = assertProblem(refund(id, "{}"), 400, "validation-failed");

        assertThat(fields(problem)).containsExactlyInAnyOrder("amountMinor", "reason");
    }

    @Test
    void unknownPaymentIsNotFound() {
        assertProblem(api.get(INTENTS + "/" + UUID.randomUUID(), admin), 404, "not-found");
        assertProblem(capture(UUID.randomUUID().toString(), "{}"), 404, "not-found");
        assertProblem(api.get(INTENTS + "/not-a-uuid", admin), 404, "not-found");
    }

    @Test
    void badListParametersAreRefused() {
        assertProblem(api.get(INTENTS + "?limit=0", admin), 400, "validation-failed");
        assertProblem(api.get(INTENTS + "?cursor=garbage!", admin), 400, "validation-failed");
        assertThat(fields(assertProblem(api.get(INTENTS + "?status=paid", admin), 400, "validation-failed")))
                .containsExactly("status");
    }

    @Test
    void cardNumberInAnyFieldIsRefusedAndNeverStoredOrLogged() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        String asToken = intentBody("carol", 100, "EUR", "pm_card_visa").replaceFirst("order-[0-9a-f-]+", orderId)
                .replace("pm_card_visa", CARD_NUMBER);
        String asOrderId = intentBody("carol", 100, "EUR", "pm_card_visa").replaceFirst("order-[0-9a-f-]+",
                "4000-0566-5566-5556");

        JsonObject problem = assertProblem(create(asToken), 422, "unprocessable");
        assertThat(fields(problem)).containsExactly("paymentMethodToken");
        assertThat(fields(assertProblem(create(asOrderId), 422, "unprocessable"))).containsExactly("orderId");
        assertThat(problem.toString()).doesNotContain(CARD_NUMBER).doesNotContain("4242424242424242");

        assertThat(count("SELECT count(*) FROM payment_intent WHERE order_id = ?", orderId)).isZero();
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE response_body::text LIKE '%' || ? || '%'",
                "4242")).isZero();
        assertThat(serverLogsContaining(CARD_NUMBER)).isFalse();
    }

    @Test
    void cardNumberAsANumberOrInsideTextIsRefused() {
        String id = payment(100, "pm_card_visa").getString("id");
        capture(id, "{}");

        assertThat(fields(assertProblem(refund(id, "{\"amountMinor\":4242424242424242,\"reason\":\"x\"}"), 422,
                "unprocessable"))).containsExactly("amountMinor");
        assertThat(fields(assertProblem(refund(id, "{\"amountMinor\":1,\"reason\":\"refund to card "
                + CARD_NUMBER + " please\"}"), 422, "unprocessable"))).containsExactly("reason");
    }

    private static boolean serverLogsContaining(String text) throws IOException {
        try (Stream<Path> logs = Files.walk(platform.serverLogDirectory())) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                if (Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
