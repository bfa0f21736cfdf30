package dev.shopstream.payments.api;

import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.payments.pci.CardNumbers;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * PCI guard: payments never receive card numbers, so a JSON body with a value that looks like one is refused with
 * 422 before any resource, idempotency record or log sees it. The problem names the field, never the value.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 50)
public class CardNumberGuard implements ContainerRequestFilter {

    @Inject
    MetricRegistry metrics;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !type.getSubtype().toLowerCase().endsWith("json")) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        CardNumbers.firstFieldWithCardNumber(body).ifPresent(field -> {
            metrics.counter("payments.card.numbers.refused").inc();
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "Card numbers are never accepted. Send the payment-method token your payment provider issued.",
                    List.of(new FieldViolation(field, "looks like a card number")), Map.of());
        });
    }
}
