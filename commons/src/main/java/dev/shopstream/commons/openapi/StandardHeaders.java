package dev.shopstream.commons.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * The response headers the platform sends whatever the operation: the rate-limit quota on every 2xx and 4xx answer
 * (commons' RateLimitHeaders), and the ETag on the reads and updates of a resource changed under If-Match.
 */
final class StandardHeaders {

    private static final List<String> RATE_LIMIT = List.of("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset");

    private StandardHeaders() {
    }

    static void addTo(PathItem item, Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        boolean versioned = item.getOperations().values().stream().anyMatch(StandardHeaders::takesIfMatch);
        boolean tagged = versioned && (operation == item.getGET() || takesIfMatch(operation));
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            if (code.startsWith("2") || code.startsWith("4")) {
                RATE_LIMIT.forEach(header -> addHeader(response, header));
            }
            if (tagged && (code.equals("200") || code.equals("201"))) {
                addHeader(response, "ETag");
            }
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && StandardProblemResponses.hasHeader(parameters, "If-Match");
    }

    /** Adds a reference to the shared header definition, unless the response describes that header itself. */
    static void addHeader(APIResponse response, String header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
            response.addHeader(header, OASFactory.createHeader().ref(header));
        }
    }
}
