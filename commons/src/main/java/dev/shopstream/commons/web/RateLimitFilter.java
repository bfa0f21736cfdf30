package dev.shopstream.commons.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.time.Duration;

/**
 * A token bucket per client (the token's subject, else the remote address) with Bucket4j: {@code capacity}
 * requests at once, refilled at {@code refill-per-second}; beyond that 429 with {@code Retry-After}; every
 * response tells the client's quota ({@link RateLimitQuota}).
 * It runs before the role check, so refused requests count too and carry the quota headers. Buckets live in this
 * replica's memory, so the effective limit scales with the number of replicas; an abusive
 * client is still throttled on every replica it reaches.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "shopstream.rate-limit.capacity", defaultValue = "400")
    long capacity;

    @Inject
    @ConfigProperty(name = "shopstream.rate-limit.refill-per-second", defaultValue = "200")
    long refillPerSecond;

    @Context
    HttpServletRequest servletRequest;

    private final ClientBuckets buckets = new ClientBuckets();

    @Override
    public void filter(ContainerRequestContext request) {
        buckets.admit(request, clientOf(request), capacity, refillPerSecond, Duration.ofSeconds(1),
                "Rate limit exceeded");
    }

    private String clientOf(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken token) {
            return "sub:" + token.getSubject();
        }
        return principal != null ? "user:" + principal.getName() : "ip:" + servletRequest.getRemoteAddr();
    }
}
