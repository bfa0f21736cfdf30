package dev.shopstream.commons.db;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonColumnsTest {

    @Test
    void readsStringMapsInKeyOrderAndStringLists() {
        assertThat(JsonColumns.stringMap("{\"size\": \"M\", \"colour\": \"red \\\"ish\\\"\"}"))
                .containsExactly(Map.entry("colour", "red \"ish\""), Map.entry("size", "M"));
        assertThat(JsonColumns.stringList("[\"https://a\", \"https://b\"]")).containsExactly("https://a", "https://b");
    }

    @Test
    void nullColumnsReadAsEmpty() {
        assertThat(JsonColumns.stringMap(null)).isEmpty();
        assertThat(JsonColumns.stringList(null)).isEmpty();
    }

    @Test
    void convertersWriteJsonTheReadersReadBack() {
        Object written = new JsonColumns.StringMap().convertToDatabaseColumn(Map.of("b", "2", "a", "1"));
        assertThat(new JsonColumns.StringMap().convertToEntityAttribute(written)).containsExactly(
                Map.entry("a", "1"), Map.entry("b", "2"));
        Object list = new JsonColumns.StringList().convertToDatabaseColumn(List.of("x", "y"));
        assertThat(new JsonColumns.StringList().convertToEntityAttribute(list)).containsExactly("x", "y");
    }
}
