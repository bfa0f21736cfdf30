package dev.shopstream.orders.remote;

import dev.shopstream.commons.correlation.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Signs every call to catalog and payments with the service account's token and passes the correlation id on. */
@ApplicationScoped
public class ServiceTokenFilter implements ClientRequestFilter {

    @Inject
    ServiceToken token;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle("Authorization", "Bearer " + token.current());
        CorrelationId.current().ifPresent(context ->
                request.getHeaders().putSingle(CorrelationId.HEADER, context.correlationId()));
    }
}
