package dev.shopstream.orders.order;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where an order goes. {@code line2} may be null; {@code country} is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(String name, String line1, String line2, String postalCode, String city,
                              String country) {

    Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("line1", line1);
        if (line2 != null) {
            map.put("line2", line2);
        }
        map.put("postalCode", postalCode);
        map.put("city", city);
        map.put("country", country);
        return map;
    }

    static ShippingAddress of(Map<String, String> map) {
        return new ShippingAddress(map.get("name"), map.get("line1"), map.get("line2"), map.get("postalCode"),
                map.get("city"), map.get("country"));
    }
}
