package dev.shopstream.admin.dashboard;

import dev.shopstream.admin.client.notifications.DeadLettersApi;
import dev.shopstream.admin.client.orders.StaffOrdersApi;
import dev.shopstream.admin.client.orders.model.OrderView;
import dev.shopstream.admin.client.orders.model.StuckSaga;
import dev.shopstream.admin.services.ServiceCalls;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The first page staff see: today's orders by state, sagas that need a hand, and dead letters waiting. */
@Named
@RequestScoped
public class Dashboard {

    private static final int RECENT = 100;

    @Inject
    ServiceCalls calls;

    @Inject
    @RestClient
    StaffOrdersApi orders;

    @Inject
    @RestClient
    DeadLettersApi deadLetters;

    private List<OrderView> today = List.of();
    private List<StuckSaga> stuck = List.of();
    private int deadLetterCount;

    @PostConstruct
    void load() {
        OffsetDateTime midnight = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
        calls.get("read today's orders", () -> orders.searchOrders(null, null, midnight, RECENT, null, null, null, null))
                .ifPresent(page -> today = page.getItems() == null ? List.of() : page.getItems());
        calls.get("read stuck sagas", () -> orders.listStuckSagas()).ifPresent(found -> stuck = found);
        calls.get("read dead letters", () -> deadLetters.listDeadLetters(null))
                .ifPresent(found -> deadLetterCount = found.size());
    }

    public List<OrderView> getToday() {
        return today;
    }

    /** Today's orders by state (of the newest {@value #RECENT}). */
    public Map<String, Long> getTodayByStatus() {
        return today.stream().collect(Collectors.groupingBy(order -> order.getStatus().toString(), TreeMap::new,
                Collectors.counting()));
    }

    /** Today's revenue per currency: the totals of orders that were not rejected, failed or cancelled. */
    public Map<String, Long> getTodayRevenue() {
        return today.stream()
                .filter(order -> order.getStatus() != OrderView.StatusEnum.REJECTED
                        && order.getStatus() != OrderView.StatusEnum.PAYMENT_FAILED
                        && order.getStatus() != OrderView.StatusEnum.CANCELLED)
                .collect(Collectors.groupingBy(OrderView::getCurrency, TreeMap::new,
                        Collectors.summingLong(OrderView::getTotalMinor)));
    }

    public long getFailedPayments() {
        return today.stream().filter(order -> order.getStatus() == OrderView.StatusEnum.PAYMENT_FAILED).count();
    }

    public List<StuckSaga> getStuck() {
        return stuck;
    }

    public int getDeadLetterCount() {
        return deadLetterCount;
    }
}
