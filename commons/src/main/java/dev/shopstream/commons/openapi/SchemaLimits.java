package dev.shopstream.commons.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The limits that follow from a schema's type, stated where the resource did not: a uuid is 36 characters, a
 * date-time at most 35 (RFC 3339 with nanoseconds and an offset), a date 10; and an integer the server only writes
 * (no request body or parameter reaches it) spans its format's range. Limits on what clients send are the Bean
 * Validation constraints' to state, so an input integer without bounds stays visible to the lint.
 */
final class SchemaLimits {

    private static final Map<String, Integer> FORMAT_LENGTHS = Map.of("uuid", 36, "date-time", 35, "date", 10);
    private static final String SCHEMA_REF = "#/components/schemas/";

    private SchemaLimits() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> named = openAPI.getComponents().getSchemas() == null ? Map.of()
                : openAPI.getComponents().getSchemas();
        Set<Schema> input = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Schema> inputRoots = inputRoots(openAPI);
        inputRoots.forEach(root -> walk(root, named, input, schema -> { }));
        Set<Schema> all = Collections.newSetFromMap(new IdentityHashMap<>());
        Stream.concat(named.values().stream(), allRoots(openAPI, inputRoots).stream())
                .forEach(root -> walk(root, named, all, schema -> limit(schema, input.contains(schema))));
    }

    private static void limit(Schema schema, boolean input) {
        List<Schema.SchemaType> type = schema.getType() == null ? List.of() : schema.getType();
        if (type.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getFormat() != null
                && FORMAT_LENGTHS.containsKey(schema.getFormat())) {
            schema.setMaxLength(FORMAT_LENGTHS.get(schema.getFormat()));
        }
        if (type.contains(Schema.SchemaType.INTEGER) && !input) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
    }

    /** Visits {@code schema} and every schema within it once, following references to named schemas. */
    private static void walk(Schema schema, Map<String, Schema> named, Set<Schema> seen, Consumer<Schema> visit) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMA_REF)) {
            walk(named.get(schema.getRef().substring(SCHEMA_REF.length())), named, seen, visit);
        }
        visit.accept(schema);
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        children.add(schema.getItems());
        children.add(schema.getAdditionalPropertiesSchema());
        children.add(schema.getNot());
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())
                .filter(Objects::nonNull).forEach(children::addAll);
        children.forEach(child -> walk(child, named, seen, visit));
    }

    private static List<Schema> inputRoots(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>();
        if (openAPI.getComponents().getParameters() != null) {
            openAPI.getComponents().getParameters().values().forEach(parameter -> roots.add(parameter.getSchema()));
        }
        forEachOperation(openAPI, operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> roots.add(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                roots.addAll(schemas(operation.getRequestBody().getContent()));
            }
        });
        return roots;
    }

    private static List<Schema> allRoots(OpenAPI openAPI, List<Schema> inputRoots) {
        List<Schema> roots = new ArrayList<>(inputRoots);
        forEachOperation(openAPI, operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    roots.addAll(schemas(response.getContent()));
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(header -> roots.add(header.getSchema()));
                    }
                });
            }
        });
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(header -> roots.add(header.getSchema()));
        }
        return roots;
    }

    private static List<Schema> schemas(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull)
                .toList();
    }

    private static void forEachOperation(OpenAPI openAPI, Consumer<Operation> action) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values()
                .forEach(item -> item.getOperations().values().forEach(action));
    }
}
