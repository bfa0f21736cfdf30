package dev.shopstream.commons.db;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converters for {@code jsonb} columns holding a string map or a string list. They write JSON text, which PostgreSQL
 * casts because the data source sets {@code stringType=unspecified}, and read whatever the driver returns for jsonb
 * (its text form). Use with {@code @Convert(converter = JsonColumns.StringMap.class)}.
 */
public final class JsonColumns {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type MAP_TYPE = new TreeMap<String, String>() { }.getClass().getGenericSuperclass();
    private static final Type LIST_TYPE = new ArrayList<String>() { }.getClass().getGenericSuperclass();

    private JsonColumns() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /** A JSON object of strings, kept in key order. */
    public static Map<String, String> stringMap(String json) {
        return json == null ? new TreeMap<>() : new TreeMap<>(JSONB.<Map<String, String>>fromJson(json, MAP_TYPE));
    }

    public static List<String> stringList(String json) {
        return json == null ? new ArrayList<>() : JSONB.fromJson(json, LIST_TYPE);
    }

    @Converter
    public static class StringMap implements AttributeConverter<Map<String, String>, Object> {

        @Override
        public Object convertToDatabaseColumn(Map<String, String> map) {
            return toJson(map == null ? Map.of() : new TreeMap<>(map));
        }

        @Override
        public Map<String, String> convertToEntityAttribute(Object value) {
            return stringMap(value == null ? null : value.toString());
        }
    }

    @Converter
    public static class StringList implements AttributeConverter<List<String>, Object> {

        @Override
        public Object convertToDatabaseColumn(List<String> list) {
            return toJson(list == null ? List.of() : list);
        }

        @Override
        public List<String> convertToEntityAttribute(Object value) {
            return stringList(value == null ? null : value.toString());
        }
    }
}
