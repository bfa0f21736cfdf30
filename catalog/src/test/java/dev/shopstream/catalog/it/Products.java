package dev.shopstream.catalog.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

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

    /** A PUT body from a product as staff read it, with a new name and EUR price; slug and status kept. */
    static String change(JsonObject product, String name, long amountMinor) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", product.getString("description"))
                .add("prices", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("amountMinor", amountMinor).add("currency", "EUR")))
                .add("slug", product.getString("slug"))
                .add("status", product.getString("status"))
                .build().toString();
    }

    /** The same, keeping the name. */
    static String change(JsonObject product, long amountMinor) {
        return change(product, product.getString("name"), amountMinor);
    }
}
