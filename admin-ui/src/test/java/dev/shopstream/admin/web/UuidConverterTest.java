package dev.shopstream.admin.web;

import jakarta.faces.convert.ConverterException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UuidConverterTest {

    private final UuidConverter converter = new UuidConverter();

    @Test
    void readsAnIdAndWritesItBack() {
        UUID id = UUID.fromString("3f2b8c1e-0d4a-4c6e-9a57-1b2c3d4e5f60");
        assertThat(converter.getAsObject(null, null, " 3f2b8c1e-0d4a-4c6e-9a57-1b2c3d4e5f60 ")).isEqualTo(id);
        assertThat(converter.getAsString(null, null, id)).isEqualTo("3f2b8c1e-0d4a-4c6e-9a57-1b2c3d4e5f60");
    }

    @Test
    void anEmptyFieldIsNoIdAndAMalformedOneIsAReadableMessage() {
        assertThat(converter.getAsObject(null, null, "")).isNull();
        assertThat(converter.getAsString(null, null, null)).isEmpty();
        assertThatThrownBy(() -> converter.getAsObject(null, null, "order-42"))
                .isInstanceOf(ConverterException.class)
                .satisfies(e -> assertThat(((ConverterException) e).getFacesMessage().getSummary())
                        .startsWith("Not an id"));
    }
}
