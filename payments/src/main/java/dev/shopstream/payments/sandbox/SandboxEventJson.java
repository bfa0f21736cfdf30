package dev.shopstream.payments.sandbox;

import dev.shopstream.commons.json.Jsonp;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderEvent;
import dev.shopstream.payments.provider.ProviderRefund;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Locale;

/**
 * The sandbox's webhook payload, shaped like Stripe's: {@code {"id", "type", "created", "data": {"charge": {...},
 * "refund": {...}}}}, the charge as it was when the event happened.
 */
final class SandboxEventJson {

    private SandboxEventJson() {
    }

    static String write(String eventId, String type, Instant created, ProviderCharge charge, ProviderRefund refund) {
        JsonObjectBuilder chargeJson = Jsonp.createObjectBuilder()
                .add("id", charge.reference())
                .add("idempotencyKey", charge.idempotencyKey())
                .add("status", charge.status().name().toLowerCase(Locale.ROOT))
                .add("amountMinor", charge.amountMinor())
                .add("currency", charge.currency())
                .add("capturedMinor", charge.capturedMinor())
                .add("refundedMinor", charge.refundedMinor());
        if (charge.failureCode() != null) {
            chargeJson.add("failureCode", charge.failureCode());
        }
        JsonObjectBuilder data = Jsonp.createObjectBuilder().add("charge", chargeJson);
        if (refund != null) {
            data.add("refund", Jsonp.createObjectBuilder().add("id", refund.reference())
                    .add("amountMinor", refund.amountMinor()));
        }
        return Jsonp.createObjectBuilder().add("id", eventId).add("type", type).add("created", created.getEpochSecond())
                .add("data", data).build().toString();
    }

    /** @throws IllegalArgumentException when the payload is not a sandbox event */
    static ProviderEvent read(byte[] body) {
        try {
            JsonObject event = Jsonp.createReader(new ByteArrayInputStream(body)).readObject();
            JsonObject data = event.getJsonObject("data");
            JsonObject charge = data.getJsonObject("charge");
            ProviderCharge providerCharge = new ProviderCharge(charge.getString("id"),
                    charge.getString("idempotencyKey"),
                    ProviderCharge.ChargeStatus.valueOf(charge.getString("status").toUpperCase(Locale.ROOT)),
                    charge.getJsonNumber("amountMinor").longValueExact(), charge.getString("currency"),
                    charge.getJsonNumber("capturedMinor").longValueExact(),
                    charge.getJsonNumber("refundedMinor").longValueExact(), charge.getString("failureCode", null));
            JsonValue refund = data.get("refund");
            ProviderRefund providerRefund = refund == null || refund == JsonValue.NULL ? null
                    : new ProviderRefund(refund.asJsonObject().getString("id"), providerCharge.reference(),
                    refund.asJsonObject().getJsonNumber("amountMinor").longValueExact());
            return new ProviderEvent(event.getString("id"), event.getString("type"), providerCharge, providerRefund);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("Not a sandbox event", e);
        }
    }
}
