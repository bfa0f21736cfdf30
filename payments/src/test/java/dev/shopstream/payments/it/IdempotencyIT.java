package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries never charge twice: the Idempotency-Key at our API, the provider idempotency key behind it. */
class IdempotencyIT extends PaymentsApiTest {

    @Test
    void retryWithTheSameKeyReplaysTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = intentBody("carol", 2200, "EUR", "pm_card_visa");

        HttpResponse<String> first = api.postJson(INTENTS, body, orders, "Idempotency-Key", key);
        HttpResponse<String> retry = api.postJson(INTENTS, body, orders, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(Api.json(retry).getString("id")).isEqualTo(Api.json(first).getString("id"));
        String orderId = Api.json(first).getString("orderId");
        assertThat(count("SELECT count(*) FROM payment_intent WHERE order_id = ?", orderId)).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        api.postJson(INTENTS, intentBody("carol", 100, "EUR", "pm_card_visa"), orders, "Idempotency-Key", key);

        assertProblem(api.postJson(INTENTS, intentBody("carol", 200, "EUR", "pm_card_visa"), orders,
                "Idempotency-Key", key), 422, "idempotency-key-reused");
    }

    @Test
    void retriedRefundRefundsOnce() throws Exception {
        String id = payment(3000, "pm_card_visa").getString("id");
        capture(id, "{}");
        String key = UUID.randomUUID().toString();
        String body = "{\"amountMinor\":1000,\"reason\":\"late delivery\"}";

        HttpResponse<String> first = api.postJson(INTENTS + "/" + id + "/refunds", body, support, "Idempotency-Key", key);
        HttpResponse<String> retry = api.postJson(INTENTS + "/" + id + "/refunds", body, support, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(read(id).getJsonNumber("refundedMinor").longValue()).isEqualTo(1000);
        assertThat(ledger(id)).containsExactly("authorize:3000", "capture:3000", "refund:1000");
    }

    /**
     * Three times as many keyed payments at once as the database pool has connections (20), then their keyed
     * captures at once: no request may hold a connection while it waits for another. When the sandbox shared the
     * service's pool, a capture held the payment's row and waited for the sandbox's connection, every request thread
     * did so at once, and captures failed with 500 after 5 s. (Claiming keys through a connection Liberty kept for
     * the rest of the request did the same under the benchmark, though not in this test.)
     */
    @Test
    void moreKeyedPaymentsAtOnceThanDatabaseConnectionsAllSucceed() throws Exception {
        int payments = 60;
        List<HttpResponse<String>> created = atOnce(payments, i -> create(intentBody("carol", 1500, "EUR",
                "pm_card_visa")));
        assertThat(created).allSatisfy(response -> assertThat(response.statusCode()).as(response.body())
                .isEqualTo(201));
        List<String> ids = created.stream().map(response -> Api.json(response).getString("id")).toList();

        List<HttpResponse<String>> captured = atOnce(payments, i -> api.postJson(INTENTS + "/" + ids.get(i)
                + "/capture", "{}", orders, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(captured).allSatisfy(response -> assertThat(response.statusCode()).as(response.body())
                .isEqualTo(200));
        for (String id : ids) {
            assertThat(ledger(id)).containsExactly("authorize:1500", "capture:1500");
        }
    }

    @Test
    void hundredConcurrentCreatesWithOneKeyMakeExactlyOneProviderCharge() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = intentBody("carol", 9900, "EUR", "pm_card_visa");
        String orderId = Json.createReader(new StringReader(body)).readObject().getString("orderId");
        List<HttpResponse<String>> responses = atOnce(100, i -> api.postJson(INTENTS, body, orders,
                "Idempotency-Key", key));

        // Each caller got the payment (first or replayed) or was told the first request is still running.
        assertThat(responses).extracting(HttpResponse::statusCode).allMatch(status -> status == 201 || status == 409)
                .contains(201);
        List<String> ids = responses.stream().filter(response -> response.statusCode() == 201)
                .map(response -> Api.json(response).getString("id")).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(count("SELECT count(*) FROM payment_intent WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sandbox_charge WHERE idempotency_key = ?", ids.get(0))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sandbox_charge c JOIN payment_intent p ON p.id::text = c.idempotency_key "
                + "WHERE p.order_id = ?", orderId)).isEqualTo(1);
        assertThat(ledger(ids.get(0))).containsExactly("authorize:9900");
    }

    /** Sends {@code count} requests at once, each from a client thread of its own; their answers in order. */
    private static List<HttpResponse<String>> atOnce(int count, IntFunction<HttpResponse<String>> request)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> request.apply(index));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : clients.invokeAll(calls)) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }
}
