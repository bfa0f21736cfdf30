package dev.shopstream.commons.db;

import dev.shopstream.commons.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.io.StringReader;
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

    private JsonColumns() {
    }

    /** A JSON object of the map's strings, in key order. */
    public static String toJson(Map<String, String> map) {
        JsonObjectBuilder object = Jsonp.createObjectBuilder();
        new TreeMap<>(map).forEach(object::add);
        return object.build().toString();
    }

    private static String toJson(List<String> list) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        list.forEach(array::add);
        return array.build().toString();
    }

    /** A JSON object of strings, kept in key order. Read with JSON-P: these run on every product read. */
    public static Map<String, String> stringMap(String json) {
        Map<String, String> map = new TreeMap<>();
        if (json != null) {
            try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
                reader.readObject().forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
            }
        }
        return map;
    }

    public static List<String> stringList(String json) {
        List<String> list = new ArrayList<>();
        if (json != null) {
            try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
                reader.readArray().getValuesAs(JsonString.class).forEach(value -> list.add(value.getString()));
            }
        }
        return list;
    }

    @Converter
    public static class StringMap implements AttributeConverter<Map<String, String>, Object> {

        @Override
        public Object convertToDatabaseColumn(Map<String, String> map) {
            return toJson(map == null ? Map.<String, String>of() : map);
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
            return toJson(list == null ? List.<String>of() : list);
        }

        @Override
        public List<String> convertToEntityAttribute(Object value) {
            return stringList(value == null ? null : value.toString());
        }
    }
}
