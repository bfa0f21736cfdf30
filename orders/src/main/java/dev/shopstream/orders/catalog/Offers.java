package dev.shopstream.orders.catalog;

import dev.shopstream.orders.remote.Answers;
import dev.shopstream.orders.remote.RemoteUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What catalog offers SKUs at now: carts and checkouts are priced from it, never from the client. The lookup runs
 * under the class's fault-tolerance policies; retrying it is safe, as it changes nothing.
 */
@Timeout(3000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {RemoteUnavailableException.class, TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000,
        failOn = {RemoteUnavailableException.class, TimeoutException.class})
@Bulkhead(50)
@ApplicationScoped
public class Offers {

    private static final GenericType<List<Offer>> OFFERS = new GenericType<>() {
    };

    @Inject
    CatalogClient catalog;

    /** The offers of the SKUs that exist among {@code skus}, by SKU code; unknown SKUs are absent. */
    public Map<String, Offer> of(Collection<String> skus, String currency) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        try (Response response = Answers.of("catalog offers",
                () -> catalog.api().offers(List.copyOf(skus), currency))) {
            if (response.getStatus() != 200) {
                throw new IllegalStateException("catalog refused an offer lookup: " + response.getStatus() + " "
                        + Answers.detail(response));
            }
            return response.readEntity(OFFERS).stream().collect(Collectors.toMap(Offer::sku, Function.identity()));
        }
    }
}
