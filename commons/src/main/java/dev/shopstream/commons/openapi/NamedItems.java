package dev.shopstream.commons.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A list answered whole is annotated {@code @Schema(type = ARRAY, implementation = X.class, maxItems = N)} to state
 * its bound, and the implementation then writes X's schema out inline in the items. Where exactly one named schema
 * has the same properties, the items refer to it instead, so generated clients get X rather than an anonymous type.
 */
final class NamedItems {

    private NamedItems() {
    }

    static void reuse(OpenAPI openAPI) {
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        if (named == null || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().stream()
                .filter(operation -> operation.getResponses() != null
                        && operation.getResponses().getAPIResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getContent() != null && response.getContent().getMediaTypes() != null)
                .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                .map(MediaType::getSchema)
                .forEach(schema -> refer(schema, named)));
    }

    private static void refer(Schema schema, Map<String, Schema> named) {
        if (schema == null || schema.getType() == null || !schema.getType().contains(Schema.SchemaType.ARRAY)
                || schema.getItems() == null || schema.getItems().getProperties() == null) {
            return;
        }
        List<String> matches = named.entrySet().stream()
                .filter(entry -> entry.getValue().getProperties() != null
                        && entry.getValue().getProperties().keySet().equals(schema.getItems().getProperties().keySet()))
                .map(Map.Entry::getKey).toList();
        if (matches.size() == 1) {
            schema.setItems(OASFactory.createSchema().ref(matches.get(0)));
        }
    }
}
