package dev.shopstream.notifications.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * A boolean that must be one in the JSON: Yasson on its own reads {@code "yes"} as false. Anything but
 * {@code true} or {@code false} is a malformed request.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
            default -> throw new JsonbException("Expected true or false, not " + value.getValueType());
        };
    }
}
