package dev.shopstream.commons.openapi;

import dev.shopstream.commons.problem.Problem;
import dev.shopstream.commons.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;

/**
 * The problem responses every operation can give, added once instead of each resource method restating them: 400
 * where there is input, 401 and 403 where the operation is secured, 404 where the path names a resource, 409 and 422
 * where it takes an {@code Idempotency-Key}, 412 and 428 where it takes {@code If-Match}, 413 and 415 where it has a
 * body, and 429, 500 and 503 everywhere. A response the operation describes itself keeps its description and gains
 * the problem content.
 */
final class StandardProblemResponses {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    private StandardProblemResponses() {
    }

    static void addTo(String path, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        for (ProblemType type : applicableTypes(path, item, operation)) {
            String code = Integer.toString(type.status());
            APIResponse response = responses.getAPIResponse(code);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(type == ProblemType.UNAUTHORIZED
                        ? "No valid access token: missing, expired, forged or for another audience"
                        : type.title());
                responses.addAPIResponse(code, response);
            }
            if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || !response.getContent().getMediaTypes().containsKey(Problem.MEDIA_TYPE)) {
                Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
                content.addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
                response.setContent(content);
            }
            if (type == ProblemType.RATE_LIMITED || type == ProblemType.SERVICE_UNAVAILABLE) {
                StandardHeaders.addHeader(response, "Retry-After");
            }
            if (type == ProblemType.UNAUTHORIZED) {
                StandardHeaders.addHeader(response, "WWW-Authenticate");
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

    static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(parameter -> name.equalsIgnoreCase(SharedComponents.headerName(parameter)));
    }

    static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", SharedComponents.string(200).description("The field or parameter, as a path"))
                .addProperty("message", SharedComponents.string(500));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem document; clients switch on type")
                .addProperty("type", SharedComponents.string(200).format("uri")
                        .example("https://shopstream.dev/problems/validation-failed"))
                .addProperty("title", SharedComponents.string(200).example("Validation failed"))
                .addProperty("status", SharedComponents.integer(400, 599).example(400))
                .addProperty("detail", SharedComponents.string(2000))
                .addProperty("instance", SharedComponents.string(2000).description("The request path"))
                .addProperty("correlationId", SharedComponents.string(100).pattern("^[A-Za-z0-9._:-]{1,100}$")
                        .description("Quote it to support: it finds the request in every service's log"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .maxItems(100).items(violation))
                .required(List.of("type", "title", "status"));
    }
}
