package dev.shopstream.orders.payments;

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

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The order's payment in payments: authorized, captured, voided or refunded. Every call carries an idempotency key
 * derived from the order and the step ({@code order-<id>-authorize}, …), so a retried or repeated step charges,
 * captures or refunds once. A refusal comes back as a {@link Payment#refused} payment; no answer is a
 * {@link RemoteUnavailableException}.
 * <p>Every method runs under the class's fault-tolerance policies (a circuit breaker and a bulkhead per method);
 * retrying is safe because every call is idempotent.
 */
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {RemoteUnavailableException.class, TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000,
        failOn = {RemoteUnavailableException.class, TimeoutException.class})
@Bulkhead(50)
@ApplicationScoped
public class Payments {

    @Inject
    PaymentsClient payments;

    public Payment authorize(String orderId, String customerId, long amountMinor, String currency,
                             String paymentMethodToken) {
        return answer(null, "payments authorize for order " + orderId, () -> payments.api().create(
                key(orderId, "authorize"), new PaymentsApi.CreateIntent(orderId, customerId, amountMinor, currency,
                        paymentMethodToken)));
    }

    public Payment find(UUID paymentId) {
        return answer(paymentId, "payments read of " + paymentId, () -> payments.api().get(paymentId));
    }

    public Payment capture(UUID paymentId, String orderId) {
        return answer(paymentId, "payments capture for order " + orderId, () -> payments.api().capture(paymentId,
                key(orderId, "capture"), new PaymentsApi.Capture(null, null)));
    }

    public Payment voidAuthorization(UUID paymentId, String orderId) {
        return answer(paymentId, "payments void for order " + orderId,
                () -> payments.api().voidAuthorization(paymentId, key(orderId, "void")));
    }

    /** {@code step} names the refund within the order (e.g. {@code refund-2}), so each refund happens once. */
    public Payment refund(UUID paymentId, String orderId, String step, long amountMinor, String currency,
                          String reason) {
        return answer(paymentId, "payments refund for order " + orderId, () -> payments.api().refund(paymentId,
                key(orderId, step), new PaymentsApi.Refund(amountMinor, currency, reason)));
    }

    private static String key(String orderId, String step) {
        return "order-" + orderId + "-" + step;
    }

    private static Payment answer(UUID paymentId, String what, Supplier<Response> call) {
        try (Response response = Answers.of(what, call)) {
            if (response.getStatus() == 401 || response.getStatus() == 403) {
                throw new IllegalStateException(what + ": payments does not accept the service account ("
                        + response.getStatus() + ")");
            }
            if (response.getStatus() >= 400) {
                return Payment.refused(paymentId, Answers.detail(response));
            }
            return response.readEntity(Payment.class);
        }
    }
}
