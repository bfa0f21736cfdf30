package dev.shopstream.bench;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Maximum throughput of each kind of browse request compared with the no-op {@code GET /api/ping} on the same
 * server (closed model): {@code users} concurrent users send requests back to back, without pause, for
 * {@code closedDuration} seconds against ping, then as long against product detail (products picked at random from
 * the whole catalog), the listing and the search — each phase after the previous one ends. The listing and the
 * search draw the browse mix's parameters: half of the requests plain, half narrowed by filters. All phases last
 * equally long, so a request's share of the ceiling is its request count divided by ping's ({@code bench/run.sh}
 * prints it; the catalog's goal is at least 50 % for product detail).
 */
public class CeilingSimulation extends Simulation {

    private final BenchSettings settings = BenchSettings.load();
    private final CatalogSample sample = new CatalogSample(settings.catalog());

    private final ScenarioBuilder ceiling = scenario("ping ceiling").exec(CatalogRequests.ping());

    private final ScenarioBuilder detail = scenario("product detail")
            .exec(session -> session.set(CatalogRequests.PRODUCT_ID, sample.randomProductId()))
            .exec(CatalogRequests.productDetail());

    private final ScenarioBuilder list = scenario("list")
            .exec(CatalogRequests.list("list", sample::anyListParameters));

    private final ScenarioBuilder search = scenario("search")
            .exec(CatalogRequests.search("search", sample::anySearchParameters));

    public CeilingSimulation() {
        // Nested: andThen on the same parent would start its children together.
        setUp(ceiling.injectClosed(phase())
                .andThen(detail.injectClosed(phase())
                        .andThen(list.injectClosed(phase())
                                .andThen(search.injectClosed(phase())))))
                .protocols(CatalogProtocol.of(settings.catalog()))
                .assertions(global().failedRequests().count().is(0L));
    }

    private ClosedInjectionStep phase() {
        return constantConcurrentUsers(settings.users()).during(settings.closedDuration());
    }

    @Override
    public void before() {
        sample.collect();
        sample.warmUp(settings.warmUpRequests());
        System.out.printf("Catalog %s: %d products, %d categories, %d search queries; warmed up with %d requests%n",
                settings.catalog(), sample.productCount(), sample.categoryCount(), sample.queryCount(),
                settings.warmUpRequests());
        // bench/run.sh reads the phase length from this line to turn request counts into requests per second.
        System.out.printf("Phase length: %d s; ping, product detail, list, then search, %d concurrent users each "
                + "(closed model)%n", settings.closedDuration().toSeconds(), settings.users());
    }
}
