package dev.shopstream.commons.openapi;

import dev.shopstream.commons.problem.Problem;
import dev.shopstream.commons.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds the problem responses every operation can give to each service's OpenAPI document, once, instead of each
 * resource method restating them: 400 where there is input, 401 and 403 where the operation is secured, 404 where
 * the path names a resource, 409 and 422 where it takes an {@code Idempotency-Key}, 412 and 428 where it takes
 * {@code If-Match}, 413 and 415 where it has a body, and 429, 500 and 503 everywhere. A response the operation
 * describes itself keeps its description and gains the problem content. Registered with {@code mp.openapi.filter}.
 */
public class StandardProblemResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            components.addSchema(PROBLEM_SCHEMA, problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> addStandardResponses(path, item, operation)));
    }

    private static void addStandardResponses(String path, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        for (ProblemType type : applicableTypes(path, item, operation)) {
            String code = Integer.toString(type.status());
            APIResponse response = responses.getAPIResponse(code);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(type.title());
                responses.addAPIResponse(code, response);
            }
            if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || !response.getContent().getMediaTypes().containsKey(Problem.MEDIA_TYPE)) {
                Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
                content.addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
                response.setContent(content);
            }
            if ((type == ProblemType.RATE_LIMITED || type == ProblemType.SERVICE_UNAVAILABLE)
                    && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeader("Retry-After", retryAfter());
            }
        }
    }

    /** The problem types an operation can answer with, judged from what the document says it takes. */
    static List<ProblemType> applicableTypes(String path, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        List<ProblemType> types = new ArrayList<>();
        if (hasBody || !parameters.isEmpty()) {
            types.add(ProblemType.VALIDATION_FAILED);
        }
        if (secured) {
            types.add(ProblemType.UNAUTHORIZED);
            types.add(ProblemType.FORBIDDEN);
        }
        if (path.contains("{")) {
            types.add(ProblemType.NOT_FOUND);
        }
        if (hasHeader(parameters, "Idempotency-Key")) {
            types.add(ProblemType.IDEMPOTENCY_KEY_IN_USE);
            types.add(ProblemType.IDEMPOTENCY_KEY_REUSED);
        }
        if (hasHeader(parameters, "If-Match")) {
            types.add(ProblemType.PRECONDITION_FAILED);
            types.add(ProblemType.PRECONDITION_REQUIRED);
        }
        if (hasBody) {
            types.add(ProblemType.PAYLOAD_TOO_LARGE);
            types.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        types.add(ProblemType.RATE_LIMITED);
        types.add(ProblemType.INTERNAL_ERROR);
        types.add(ProblemType.SERVICE_UNAVAILABLE);
        return types;
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                && name.equalsIgnoreCase(parameter.getName()));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(
                        BigDecimal.ZERO));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .properties(Map.of("field", text, "message", text));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem document; clients switch on type")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("correlationId", text)
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(violation))
                .required(List.of("type", "title", "status"));
    }
}
