package dev.shopstream.payments.api;

import dev.shopstream.commons.correlation.CorrelationId;
import dev.shopstream.commons.problem.Problem;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * Admission for provider webhooks: at most {@code shopstream.payments.webhooks.in-progress} (12) events are
 * processed at once, each holding a database connection; the next is answered 503 with {@code Retry-After: 1} at
 * once, and the provider sends it again, so nothing is lost. The refusal is decided here, as a servlet filter,
 * before JAX-RS, CDI interceptors and the body are touched: under a flood larger than the machine, refusing costs
 * so little that refused requests do not wait in the server's queue behind the work they would add to. Counted in
 * {@code payments_webhooks_refused_total}.
 */
@WebFilter(urlPatterns = "/api/payments/webhooks/*", asyncSupported = true)
public class WebhookAdmission extends HttpFilter {

    private static final String RETRY_AFTER_SECONDS = "1";
    /** The problem document up to its correlation id, which {@link CorrelationId} keeps to JSON-safe characters. */
    private static final String BUSY = "{\"type\":\"" + ProblemType.SERVICE_UNAVAILABLE.uri() + "\",\"title\":\""
            + ProblemType.SERVICE_UNAVAILABLE.title() + "\",\"status\":503,\"detail\":\"Too many events are being "
            + "processed; send this one again shortly.\",\"correlationId\":\"";

    @Inject
    @ConfigProperty(name = "shopstream.payments.webhooks.in-progress", defaultValue = "12")
    int capacity;

    @Inject
    MetricRegistry metrics;

    private Semaphore inProgress;

    @Override
    public void init() {
        inProgress = new Semaphore(capacity);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!inProgress.tryAcquire()) {
            metrics.counter("payments.webhooks.refused").inc();
            String correlationId = CorrelationId.resolve(request.getHeader(CorrelationId.HEADER),
                    request.getHeader(CorrelationId.TRACEPARENT_HEADER)).correlationId();
            byte[] problem = (BUSY + correlationId + "\"}").getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setHeader(CorrelationId.HEADER, correlationId);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setContentLength(problem.length);
            response.getOutputStream().write(problem);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inProgress.release();
        }
    }
}
