package dev.shopstream.catalog.it;

import jakarta.json.Json;

/** Request bodies for products. */
final class Products {

    private Products() {
    }

    /** A product body; {@code name} and {@code currency} are inserted as given (callers pass valid JSON text). */
    static String body(String name, long amountMinor, String currency) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "A product made for the integration tests")
                .add("prices", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("amountMinor", amountMinor).add("currency", currency)))
                .build().toString();
    }
}
