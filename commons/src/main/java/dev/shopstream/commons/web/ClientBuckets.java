package dev.shopstream.commons.web;

import dev.shopstream.commons.problem.ProblemResponses;
import dev.shopstream.commons.problem.ProblemType;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bucket4j token buckets per client key, in this replica's memory: at most 50,000 clients are tracked, the least
 * recently seen forgotten first. A request over its client's limit gets a 429 problem with {@code Retry-After}.
 */
public final class ClientBuckets {

    private static final int MAX_TRACKED_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > MAX_TRACKED_CLIENTS;
                }
            });

    /**
     * Takes a token from {@code client}'s bucket, made on first use with {@code capacity} tokens refilled at
     * {@code refill} per {@code period}. Empty when the request may go on; otherwise the 429 to answer, whose detail
     * starts with {@code refusal}.
     */
    public Optional<Response> take(String client, long capacity, long refill, Duration period, String refusal,
                                   String path) {
        ConsumptionProbe probe = buckets.computeIfAbsent(client, key -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build())
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long retryAfterSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return Optional.of(ProblemResponses.of(ProblemType.RATE_LIMITED,
                refusal + "; retry after " + retryAfterSeconds + " s.", path,
                List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds))));
    }
}
