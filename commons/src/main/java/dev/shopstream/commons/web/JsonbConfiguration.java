package dev.shopstream.commons.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as every API reads and writes it: a request naming a property the endpoint does not define is refused
 * (no silent mass assignment of fields such as roles or status), and absent values are left out of responses.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            // Yasson's key (YassonConfig.FAIL_ON_UNKNOWN_PROPERTIES), named here to avoid a compile-time dependency.
            .setProperty("jsonb.fail-on-unknown-properties", true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
