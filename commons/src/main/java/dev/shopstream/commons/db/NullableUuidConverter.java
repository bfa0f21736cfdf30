package dev.shopstream.commons.db;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.UUID;

/**
 * For nullable {@code uuid} columns: EclipseLink 4.0 fails on a NULL uuid (it binds it as VARCHAR and cannot read it
 * back), so such attributes are written as text, which PostgreSQL casts because the data source sets
 * {@code stringType=unspecified}. Non-null ids map natively. Use with {@code @Convert(converter = ...)}.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID uuid) {
        return uuid == null ? null : uuid.toString();
    }

    /** The driver reads a uuid column as {@link UUID}; text is accepted too. */
    @Override
    public UUID convertToEntityAttribute(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return UUID.fromString(value.toString());
    }
}
