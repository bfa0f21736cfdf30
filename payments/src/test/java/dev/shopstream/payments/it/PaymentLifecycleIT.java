package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every state a payment can reach through the API, and every transition it must refuse. */
class PaymentLifecycleIT extends PaymentsApiTest {

    @Test
    void authorizedPaymentIsCapturedThenRefundedInParts() throws Exception {
        JsonObject created = payment(5000, "pm_card_visa");
        String id = created.getString("id");
        assertThat(created.getString("status")).isEqualTo("requires_capture");
        assertThat(created.getJsonNumber("amountMinor").longValue()).isEqualTo(5000);
        assertThat(created.getString("currency")).isEqualTo("EUR");
        assertThat(created.containsKey("paymentMethodToken")).isFalse();

        JsonObject captured = Api.json(capture(id, "{}"));
        assertThat(captured.getString("status")).isEqualTo("captured");
        assertThat(captured.getJsonNumber("capturedMinor").longValue()).isEqualTo(5000);

        HttpResponse<String> first = refund(id, 2000, "one cup arrived broken");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(Api.json(first).getString("status")).isEqualTo("partially_refunded");
        JsonObject refunded = Api.json(refund(id, 3000, "order returned"));
        assertThat(refunded.getString("status")).isEqualTo("refunded");
        assertThat(refunded.getJsonNumber("refundableMinor").longValue()).isZero();
        assertThat(refunded.getJsonArray("refunds")).hasSize(2);
        assertThat(refunded.getJsonArray("refunds").getJsonObject(0).getString("reason")).isEqualTo("one cup arrived broken");

        assertProblem(refund(id, 1, "nothing left"), 409, "conflict");
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:5000", "refund:2000", "refund:3000");
        HttpResponse<String> audit = api.get("/api/audit?entityType=payment&entityId=" + id, admin);
        assertThat(audit.body()).contains("\"action\":\"payment.captured\"").contains("\"actor\":\"orders-service\"")
                .contains("\"action\":\"payment.refunded\"").contains("\"actor\":\"sam\"");
    }

    @Test
    void partialCaptureReleasesTheRestAndLimitsRefunds() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");

        JsonObject captured = Api.json(capture(id, "{\"amountMinor\":3000,\"currency\":\"EUR\"}"));

        assertThat(captured.getString("status")).isEqualTo("partially_captured");
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:3000", "void:2000");
        assertProblem(refund(id, 3001, "more than captured"), 422, "unprocessable");
        assertThat(Api.json(refund(id, 3000, "all of it")).getString("status")).isEqualTo("refunded");
    }

    @Test
    void captureAboveTheAuthorizationIsUnprocessable() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");

        assertProblem(capture(id, "{\"amountMinor\":5001}"), 422, "unprocessable");
        assertThat(read(id).getString("status")).isEqualTo("requires_capture");
        assertThat(ledger(id)).containsExactly("authorize:5000");
    }

    @Test
    void captureInAnotherCurrencyIsUnprocessable() {
        String id = payment(5000, "pm_card_visa").getString("id");

        assertProblem(capture(id, "{\"currency\":\"USD\"}"), 422, "unprocessable");
    }

    @Test
    void refundInAnotherCurrencyIsUnprocessable() {
        String id = payment(5000, "pm_card_visa").getString("id");
        capture(id, "{}");

        assertProblem(refund(id, "{\"amountMinor\":100,\"currency\":\"USD\",\"reason\":\"wrong currency\"}"),
                422, "unprocessable");
    }

    @Test
    void voidReleasesTheAuthorizationAndEndsThePayment() throws Exception {
        String id = payment(4000, "pm_card_visa").getString("id");

        HttpResponse<String> voided = voidPayment(id);

        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(Api.json(voided).getString("status")).isEqualTo("voided");
        assertThat(ledger(id)).containsExactly("authorize:4000", "void:4000");
        assertProblem(capture(id, "{}"), 409, "conflict");
        assertProblem(voidPayment(id), 409, "conflict");
        assertProblem(refund(id, 100, "after void"), 409, "conflict");
    }

    @Test
    void capturedPaymentCannotBeVoidedOrCapturedAgain() {
        String id = payment(4000, "pm_card_visa").getString("id");
        capture(id, "{}");

        assertProblem(voidPayment(id), 409, "conflict");
        assertProblem(capture(id, "{}"), 409, "conflict");
    }

    @Test
    void refundBeforeCaptureIsAConflict() {
        String id = payment(4000, "pm_card_visa").getString("id");

        assertProblem(refund(id, 100, "too early"), 409, "conflict");
    }

    @ParameterizedTest
    @CsvSource({"pm_card_declined, card_declined", "pm_card_insufficient_funds, insufficient_funds",
            "pm_card_expired, expired_card", "pm_card_processing_error, processing_error",
            "pm_card_nobody_issued, invalid_payment_method"})
    void declinedCardFailsWithItsReasonAndMovesNoMoney(String token, String reason) throws Exception {
        JsonObject failed = payment(2500, token);
        String id = failed.getString("id");

        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("failureCode")).isEqualTo(reason);
        assertThat(failed.getString("failureMessage")).isNotBlank();
        assertThat(ledger(id)).isEmpty();
        assertProblem(capture(id, "{}"), 409, "conflict");
        assertProblem(voidPayment(id), 409, "conflict");
    }

    @Test
    void paymentNeedingCustomerActionIsAuthorizedWhenTheCustomerConfirms() throws Exception {
        JsonObject created = payment(7000, "pm_card_requires_action");
        String id = created.getString("id");
        assertThat(created.getString("status")).isEqualTo("requires_action");
        assertThat(ledger(id)).isEmpty();

        // The sandbox's customer confirms after a second; the outcome arrives only by its webhook.
        awaitStatus(id, "requires_capture", Duration.ofSeconds(30));

        assertThat(ledger(id)).containsExactly("authorize:7000");
        assertThat(Api.json(capture(id, "{}")).getString("status")).isEqualTo("captured");
    }

    @Test
    void paymentNeedingCustomerActionCanBeVoidedBeforeTheConfirmation() throws Exception {
        String id = payment(7000, "pm_card_requires_action").getString("id");

        assertThat(Api.json(voidPayment(id)).getString("status")).isEqualTo("voided");

        // The customer can no longer confirm a cancelled charge; nothing moves later either.
        Thread.sleep(2000);
        assertThat(read(id).getString("status")).isEqualTo("voided");
        assertThat(ledger(id)).isEmpty();
    }

    @Test
    void ledgerRefusesUpdatesAndDeletes() throws Exception {
        String id = payment(1000, "pm_card_visa").getString("id");

        try (var connection = platform.database(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE ledger_entry SET amount_minor = 1 WHERE intent_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate(
                    "DELETE FROM ledger_entry WHERE intent_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(ledger(id)).containsExactly("authorize:1000");
    }

    @Test
    void databaseRefusesARefundAboveTheCapturedAmount() throws Exception {
        String id = payment(1000, "pm_card_visa").getString("id");
        capture(id, "{\"amountMinor\":600}");

        try (var connection = platform.database(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO ledger_entry (intent_id, kind, amount_minor, "
                    + "currency) VALUES ('" + id + "', 'refund', 601, 'EUR')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("unbalanced");
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO ledger_entry (intent_id, kind, amount_minor, "
                    + "currency) VALUES ('" + id + "', 'refund', 0, 'EUR')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("check");
        }
        assertThat(ledger(id)).containsExactly("authorize:1000", "capture:600", "void:400");
    }
}
