package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider answer that never arrives leaves the payment unknown; the resolver settles it, charging once. */
class ResolverIT extends PaymentsApiTest {

    @Test
    void timedOutAuthorizationIsUnknownThenResolvedFromTheProvidersRecord() throws Exception {
        // The sandbox records the charge, then answers (and sends its webhook) after 8 s: beyond the provider timeout of 3 s.
        JsonObject created = payment(8800, "pm_card_slow");
        String id = created.getString("id");
        assertThat(created.getString("status")).isEqualTo("unknown");

        JsonObject resolved = awaitStatus(id, "requires_capture", Duration.ofSeconds(60));

        assertThat(resolved.getJsonNumber("amountMinor").longValue()).isEqualTo(8800);
        assertThat(count("SELECT count(*) FROM sandbox_charge WHERE idempotency_key = ?", id)).isEqualTo(1);
        assertThat(ledger(id)).containsExactly("authorize:8800");
        assertThat(Api.json(capture(id, "{}")).getString("status")).isEqualTo("captured");
    }
}
