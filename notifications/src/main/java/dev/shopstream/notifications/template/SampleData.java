package dev.shopstream.notifications.template;

import java.util.List;
import java.util.Map;

/**
 * What a preview fills templates in with: a customer and an order with every optional value set, a low-stock SKU, a
 * disabled webhook endpoint and a reconciliation gap.
 */
final class SampleData {

    static final Map<String, Object> MODEL = Map.ofEntries(
            Map.entry("firstName", "Robin"),
            Map.entry("sku", "MUG-RED"),
            Map.entry("available", 2),
            Map.entry("threshold", 5),
            Map.entry("endpointId", "9b2f5c1e-4d7a-4e3b-8f60-1a2b3c4d5e6f"),
            Map.entry("url", "https://erp.example.com/shopstream/events"),
            Map.entry("owner", "service-account-acme-erp"),
            Map.entry("reason", "20 attempts in a row failed; the last: The endpoint answered 503."),
            Map.entry("gapId", "17"),
            Map.entry("runId", "4"),
            Map.entry("provider", "sandbox"),
            Map.entry("kind", "amount_mismatch"),
            Map.entry("paymentId", "8d3c2b1a-6f5e-4d3c-9b2a-1f0e9d8c7b6a"),
            Map.entry("providerReference", "ch_5d1e0c2b3a4f5e6d7c8b9a01"),
            Map.entry("ledgerValue", "captured=2000"),
            Map.entry("providerValue", "captured=1500"),
            Map.entry("windowStart", "2026-11-24T00:00:00Z"),
            Map.entry("windowEnd", "2026-11-25T00:00:00Z"),
            Map.entry("order", Map.of(
                    "id", "3f0c2a4e-9d1b-4c8e-a6f5-2b7d9e1c0a43",
                    "number", "3F0C2A4E",
                    "status", "shipped",
                    "total", "€29.95",
                    "refunded", "€12.50",
                    "reason", "the customer asked",
                    "carrier", "DHL",
                    "trackingNumber", "JD014600003SE",
                    "lines", List.of(Map.of("sku", "MUG-RED", "productName", "Red mug", "quantity", 2,
                            "unitPrice", "€12.50")))));

    private SampleData() {
    }
}
