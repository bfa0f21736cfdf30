package dev.shopstream.commons.web;

import dev.shopstream.commons.problem.ProblemResponses;
import dev.shopstream.commons.problem.ProblemType;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token bucket per client (the token's subject, else the remote address) with Bucket4j: {@code capacity}
 * requests at once, refilled at {@code refill-per-second}; beyond that 429 with {@code Retry-After}.
 * Buckets live in this replica's memory, so the effective limit scales with the number of replicas; an abusive
 * client is still throttled on every replica it reaches.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 50_000;

    @Inject
    @ConfigProperty(name = "shopstream.rate-limit.capacity", defaultValue = "400")
    long capacity;

    @Inject
    @ConfigProperty(name = "shopstream.rate-limit.refill-per-second", defaultValue = "200")
    long refillPerSecond;

    @Context
    HttpServletRequest servletRequest;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > MAX_TRACKED_CLIENTS;
                }
            });

    @Override
    public void filter(ContainerRequestContext request) {
        ConsumptionProbe probe = buckets.computeIfAbsent(clientOf(request), client -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfterSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            request.abortWith(ProblemResponses.of(ProblemType.RATE_LIMITED,
                    "Rate limit exceeded; retry after " + retryAfterSeconds + " s.", request.getUriInfo().getRequestUri().getPath(),
                    List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds))));
        }
    }

    private String clientOf(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken token) {
            return "sub:" + token.getSubject();
        }
        return principal != null ? "user:" + principal.getName() : "ip:" + servletRequest.getRemoteAddr();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refillPerSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
