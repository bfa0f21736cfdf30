package dev.shopstream.orders.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where an order goes. {@code line2} may be null; {@code country} is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(@Schema(maxLength = MAX_NAME) String name,
                              @Schema(maxLength = MAX_LINE) String line1,
                              @Schema(maxLength = MAX_LINE) String line2,
                              @Schema(maxLength = MAX_POSTAL_CODE) String postalCode,
                              @Schema(maxLength = MAX_CITY) String city,
                              @Schema(maxLength = MAX_COUNTRY) String country) {

    /** The longest values checkout accepts (and so the longest an order keeps). */
    public static final int MAX_NAME = 200;
    public static final int MAX_LINE = 200;
    public static final int MAX_POSTAL_CODE = 20;
    public static final int MAX_CITY = 100;
    public static final int MAX_COUNTRY = 2;

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
