package dev.shopstream.commons.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * Completes every service's OpenAPI document with what all of them share, so that no resource restates it: the
 * Keycloak security scheme, the server, the shared headers and parameters ({@link SharedComponents}), the problem
 * responses each operation can give ({@link StandardProblemResponses}), the rate-limit and ETag headers
 * ({@link StandardHeaders}), named item types for lists ({@link NamedItems}) and the limits that follow from a
 * schema's type ({@link SchemaLimits}). Registered with
 * {@code mp.openapi.filter} in each service's microprofile-config.properties.
 */
public class ApiContractFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        String issuer = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.issuer", String.class)
                .orElse("https://keycloak.example/realms/shopstream");
        SharedComponents.addTo(components, issuer);
        openAPI.setServers(List.of(SharedComponents.server()));
        List<Operation> operations = new ArrayList<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                    .forEach(operation -> {
                        SharedComponents.useSharedParameters(operation);
                        StandardProblemResponses.addTo(path, item, operation);
                        StandardHeaders.addTo(item, operation);
                        operations.add(operation);
                    }));
        }
        SharedComponents.dropUnused(openAPI, operations);
        NamedItems.reuse(openAPI);
        SchemaLimits.apply(openAPI);
    }
}
