package dev.shopstream.payments.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one place provider calls go through, with their fault tolerance: a timeout per attempt, a circuit breaker
 * that stops calling a failing provider, and retries of transient failures only — every call carries the provider
 * idempotency key, so a retried call never has a second effect. A timeout leaves the outcome unknown: callers
 * treat {@link org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException} that way. The values
 * are MicroProfile Config properties ({@code dev.shopstream.payments.provider.ProviderGateway/Timeout/value}, ...).
 */
@ApplicationScoped
@Timeout(3000)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = ProviderRefusedException.class)
@Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProviderUnavailableException.class)
public class ProviderGateway {

    @Inject
    PaymentProviders providers;

    public ProviderCharge authorize(String provider, PaymentProvider.AuthorizationRequest request) {
        return providers.require(provider).authorize(request);
    }

    public Optional<ProviderCharge> findCharge(String provider, String idempotencyKey) {
        return providers.require(provider).findCharge(idempotencyKey);
    }

    public List<ProviderCharge> chargesCreatedBetween(String provider, Instant from, Instant to) {
        return providers.require(provider).chargesCreatedBetween(from, to);
    }

    public ProviderCharge capture(String provider, String chargeReference, long amountMinor, String idempotencyKey) {
        return providers.require(provider).capture(chargeReference, amountMinor, idempotencyKey);
    }

    public ProviderCharge cancel(String provider, String chargeReference, String idempotencyKey) {
        return providers.require(provider).cancel(chargeReference, idempotencyKey);
    }

    public ProviderRefund refund(String provider, String chargeReference, long amountMinor, String idempotencyKey) {
        return providers.require(provider).refund(chargeReference, amountMinor, idempotencyKey);
    }
}
