package dev.shopstream.notifications.template;

import java.util.List;
import java.util.Map;

/** What a preview fills templates in with: a customer and an order with every optional value set. */
final class SampleData {

    static final Map<String, Object> MODEL = Map.of(
            "firstName", "Robin",
            "sku", "MUG-RED",
            "available", 2,
            "threshold", 5,
            "order", Map.of(
                    "id", "3f0c2a4e-9d1b-4c8e-a6f5-2b7d9e1c0a43",
                    "number", "3F0C2A4E",
                    "status", "shipped",
                    "total", "€29.95",
                    "refunded", "€12.50",
                    "reason", "the customer asked",
                    "carrier", "DHL",
                    "trackingNumber", "JD014600003SE",
                    "lines", List.of(Map.of("sku", "MUG-RED", "productName", "Red mug", "quantity", 2,
                            "unitPrice", "€12.50"))));

    private SampleData() {
    }
}
