package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.ServicePlatform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every payments integration test starts from: the shared platform, a client, tokens and helpers. */
@ExtendWith(PaymentsPlatform.class)
abstract class PaymentsApiTest {

    static final String INTENTS = "/api/payments/intents";

    static ServicePlatform platform;
    static Api api;
    static String orders;
    static String admin;
    static String support;

    @BeforeAll
    static void connect(ServicePlatform started) {
        platform = started;
        api = new Api(started.baseUri());
        orders = started.tokens().token("orders-service", "service");
        admin = started.tokens().token("alice", "admin");
        support = started.tokens().token("sam", "support");
    }

    /** The token of customer {@code name}; their subject, which intents name as customerId, is {@code sub-<name>}. */
    static String customer(String name) {
        return platform.tokens().token(name, "customer");
    }

    static String intentBody(String customer, long amountMinor, String currency, String token) {
        return Json.createObjectBuilder()
                .add("orderId", "order-" + UUID.randomUUID())
                .add("customerId", "sub-" + customer)
                .add("amountMinor", amountMinor)
                .add("currency", currency)
                .add("paymentMethodToken", token)
                .build().toString();
    }

    static HttpResponse<String> create(String body) {
        return api.postJson(INTENTS, body, orders, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Creates a payment for customer carol through the orders service and returns it. */
    static JsonObject payment(long amountMinor, String token) {
        HttpResponse<String> created = create(intentBody("carol", amountMinor, "EUR", token));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }

    static HttpResponse<String> capture(String id, String body) {
        return api.postJson(INTENTS + "/" + id + "/capture", body, orders);
    }

    static HttpResponse<String> refund(String id, long amountMinor, String reason) {
        return refund(id, Json.createObjectBuilder().add("amountMinor", amountMinor).add("reason", reason).build()
                .toString());
    }

    static HttpResponse<String> refund(String id, String body) {
        return api.postJson(INTENTS + "/" + id + "/refunds", body, support,
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    static HttpResponse<String> voidPayment(String id) {
        return api.postJson(INTENTS + "/" + id + "/void", "", orders);
    }

    static JsonObject read(String id) {
        HttpResponse<String> response = api.get(INTENTS + "/" + id, admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    /** Polls until the payment reaches {@code status}; fails after {@code timeout}. */
    static JsonObject awaitStatus(String id, String status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject payment = read(id);
        while (!payment.getString("status").equals(status)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Payment " + id + " stayed " + payment.getString("status") + ", not " + status);
            }
            Thread.sleep(200);
            payment = read(id);
        }
        return payment;
    }

    /** The payment's ledger as "kind:amount" strings, oldest first, read from the database. */
    static List<String> ledger(String id) throws SQLException {
        try (var connection = platform.database();
             var select = connection.prepareStatement(
                     "SELECT kind, amount_minor FROM ledger_entry WHERE intent_id = ?::uuid ORDER BY id")) {
            select.setString(1, id);
            List<String> entries = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + ":" + rows.getLong(2));
                }
            }
            return entries;
        }
    }

    static long count(String sql, String parameter) throws SQLException {
        try (var connection = platform.database(); var select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static String providerReference(String id) throws SQLException {
        try (var connection = platform.database();
             var select = connection.prepareStatement(
                     "SELECT provider_reference FROM payment_intent WHERE id = ?::uuid")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

}
