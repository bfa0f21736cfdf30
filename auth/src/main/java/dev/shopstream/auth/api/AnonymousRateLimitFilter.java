package dev.shopstream.auth.api;

import dev.shopstream.commons.web.ClientBuckets;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * A token bucket per client address and endpoint for {@link AnonymousRateLimited} endpoints, on top of commons'
 * general limit: sign-up and password reset make Keycloak hash passwords and send mail, so a script must not be able
 * to use them as a mail cannon or to probe many addresses. Like commons' limit it lives in this replica's memory.
 */
@Provider
@AnonymousRateLimited
@Priority(Priorities.AUTHORIZATION + 50)
public class AnonymousRateLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "shopstream.auth.anonymous-rate-limit.capacity")
    long capacity;

    @Inject
    @ConfigProperty(name = "shopstream.auth.anonymous-rate-limit.refill-per-minute")
    long refillPerMinute;

    @Context
    HttpServletRequest servletRequest;

    private final ClientBuckets buckets = new ClientBuckets();

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getPath();
        buckets.admit(request, servletRequest.getRemoteAddr() + " " + path, capacity, refillPerMinute,
                Duration.ofMinutes(1), "Too many requests from this address");
    }
}
