package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: every endpoint states its roles, and a customer only ever sees their own payments. */
class AccessIT extends PaymentsApiTest {

    @Test
    void customerReadsTheirOwnPayment() {
        String id = payment(1500, "pm_card_visa").getString("id");

        HttpResponse<String> own = api.get(INTENTS + "/" + id, customer("carol"));

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(Api.json(own).getString("customerId")).isEqualTo("sub-carol");
    }

    @Test
    void anotherCustomersPaymentIsNotFound() {
        String id = payment(1500, "pm_card_visa").getString("id");

        assertProblem(api.get(INTENTS + "/" + id, customer("dave")), 404, "not-found");
    }

    @Test
    void staffAndServicesReadAnyPayment() {
        String id = payment(1500, "pm_card_visa").getString("id");

        assertThat(api.get(INTENTS + "/" + id, support).statusCode()).isEqualTo(200);
        assertThat(api.get(INTENTS + "/" + id, admin).statusCode()).isEqualTo(200);
        assertThat(api.get(INTENTS + "/" + id, orders).statusCode()).isEqualTo(200);
    }

    @Test
    void integratorsHaveNoAccess() {
        String id = payment(1500, "pm_card_visa").getString("id");
        String integrator = platform.tokens().token("partner", "integrator");

        assertProblem(api.get(INTENTS + "/" + id, integrator), 403, "forbidden");
        assertProblem(api.get(INTENTS, integrator), 403, "forbidden");
    }

    @Test
    void onlyTheOrdersServiceCreatesPayments() {
        String body = intentBody("carol", 1000, "EUR", "pm_card_visa");

        for (String token : new String[]{customer("carol"), admin, support}) {
            assertProblem(api.postJson(INTENTS, body, token, "Idempotency-Key", UUID.randomUUID().toString()),
                    403, "forbidden");
        }
        assertThat(api.postJson(INTENTS, body, null, "Idempotency-Key", UUID.randomUUID().toString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void customersCannotMoveMoney() {
        String id = payment(1500, "pm_card_visa").getString("id");
        String carol = customer("carol");

        assertProblem(api.postJson(INTENTS + "/" + id + "/capture", "{}", carol), 403, "forbidden");
        assertProblem(api.postJson(INTENTS + "/" + id + "/void", "", carol), 403, "forbidden");
        assertProblem(api.postJson(INTENTS + "/" + id + "/refunds", "{\"amountMinor\":1,\"reason\":\"me\"}", carol,
                "Idempotency-Key", UUID.randomUUID().toString()), 403, "forbidden");
        assertProblem(api.postJson(INTENTS + "/" + id + "/capture", "{}", support), 403, "forbidden");
        assertThat(read(id).getString("status")).isEqualTo("requires_capture");
    }

    @Test
    void customersCannotListPayments() {
        assertProblem(api.get(INTENTS, customer("carol")), 403, "forbidden");
    }

    @Test
    void staffListPaymentsNewestFirstPageByPage() {
        String customerName = "lister-" + UUID.randomUUID();
        String first = Api.json(create(intentBody(customerName, 100, "EUR", "pm_card_visa"))).getString("id");
        String second = Api.json(create(intentBody(customerName, 200, "EUR", "pm_card_declined"))).getString("id");
        String third = Api.json(create(intentBody(customerName, 300, "EUR", "pm_card_visa"))).getString("id");
        String filter = INTENTS + "?customerId=sub-" + customerName + "&limit=2";

        var page = Api.json(api.get(filter, support));
        var next = Api.json(api.get(filter + "&cursor=" + page.getString("nextCursor"), support));

        assertThat(page.getJsonArray("items").stream().map(item -> item.asJsonObject().getString("id")))
                .containsExactly(third, second);
        assertThat(next.getJsonArray("items").stream().map(item -> item.asJsonObject().getString("id")))
                .containsExactly(first);
        assertThat(next.containsKey("nextCursor")).isFalse();
        var failed = Api.json(api.get(INTENTS + "?customerId=sub-" + customerName + "&status=failed", admin));
        assertThat(failed.getJsonArray("items")).hasSize(1);
    }

    @Test
    void ledgerIsForStaff() {
        String id = payment(1500, "pm_card_visa").getString("id");

        HttpResponse<String> ledger = api.get(INTENTS + "/" + id + "/ledger", support);

        assertThat(ledger.statusCode()).as(ledger.body()).isEqualTo(200);
        assertThat(ledger.body()).contains("\"kind\":\"authorize\"").contains("\"amountMinor\":1500");
        assertProblem(api.get(INTENTS + "/" + id + "/ledger", customer("carol")), 403, "forbidden");
    }
}
