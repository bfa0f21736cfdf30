package dev.shopstream.orders.catalog;

import dev.shopstream.orders.remote.Answers;
import dev.shopstream.orders.remote.RemoteUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stock held for orders in catalog: reserved (all lines or none) for the order's id, then committed (sold) or
 * released, or given back after it was sold. Every call is idempotent (the order id, or an idempotency key derived
 * from it), so a retried or repeated step changes nothing twice. A refusal is returned as catalog's reason; no
 * answer is a {@link RemoteUnavailableException}.
 * <p>Every method runs under the class's fault-tolerance policies (a circuit breaker and a bulkhead per method);
 * retrying is safe because every call is idempotent.
 */
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {RemoteUnavailableException.class, TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000,
        failOn = {RemoteUnavailableException.class, TimeoutException.class})
@Bulkhead(50)
@ApplicationScoped
public class StockReservations {

    @Inject
    CatalogClient catalog;

    /** Reserves the lines for the order; a refusal (not enough stock, a SKU not for sale) is catalog's reason. */
    public Optional<String> reserve(String orderId, List<CatalogApi.Line> lines, Duration ttl) {
        CatalogApi.ReservationRequest request = new CatalogApi.ReservationRequest(orderId, lines,
                (int) ttl.toSeconds());
        return refusal("catalog reserve for order " + orderId, () -> catalog.api().reserve(request));
    }

    /** Turns the reservation into sold stock; refused when it was released or ran out. */
    public Optional<String> commit(String orderId) {
        return refusal("catalog commit for order " + orderId, () -> catalog.api().commit(orderId));
    }

    /**
     * Gives reserved stock back. An order that holds no reservation (it was refused, or never made) has nothing to
     * give back; a committed one is refused (give its stock back with {@link #restock}).
     */
    public Optional<String> release(String orderId) {
        try (Response response = Answers.of("catalog release for order " + orderId,
                () -> catalog.api().release(orderId))) {
            return response.getStatus() == 404 ? Optional.empty() : refusal(response);
        }
    }

    /** Puts sold stock of the order's lines back on hand (a cancelled or uncapturable order); once per line. */
    public void restock(String orderId, List<CatalogApi.Line> lines) {
        for (CatalogApi.Line line : lines) {
            Optional<String> refused = refusal("catalog restock of " + line.sku() + " for order " + orderId,
                    () -> catalog.api().adjustStock(line.sku(), "order-" + orderId + "-restock-" + line.sku(),
                            new CatalogApi.StockAdjustment(line.quantity(), "order " + orderId + " returned")));
            if (refused.isPresent()) {
                throw new IllegalStateException("catalog refused to restock " + line.sku() + " for order "
                        + orderId + ": " + refused.get());
            }
        }
    }

    private static Optional<String> refusal(String what, Supplier<Response> call) {
        try (Response response = Answers.of(what, call)) {
            return refusal(response);
        }
    }

    private static Optional<String> refusal(Response response) {
        if (response.getStatus() == 401 || response.getStatus() == 403) {
            throw new IllegalStateException("catalog does not accept the service account: " + response.getStatus());
        }
        return response.getStatus() < 300 ? Optional.empty() : Optional.of(Answers.detail(response));
    }
}
