package dev.shopstream.commons.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document, with the field violations and the correlation id Shopstream adds as extension
 * members. Serialised as {@code application/problem+json}; absent members are omitted.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "correlationId", "errors"})
public record Problem(URI type, String title, int status, String detail, String instance, String correlationId,
                      List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
