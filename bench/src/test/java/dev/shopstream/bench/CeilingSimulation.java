package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

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
    private final ClosedModel closedModel = new ClosedModel(settings);
    private final CatalogSample sample = new CatalogSample(settings.catalog());

    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());

    private final ScenarioBuilder ceiling = scenario("ping ceiling").exec(CatalogRequests.ping()).exec(cost.done("ping"));

    private final ScenarioBuilder detail = scenario("product detail")
            .exec(session -> session.set(CatalogRequests.PRODUCT_ID, sample.randomProductId()))
            .exec(CatalogRequests.productDetail())
            .exec(cost.done("product detail"));

    private final ScenarioBuilder list = scenario("list")
            .exec(CatalogRequests.list("list", sample::anyListParameters))
            .exec(cost.done("list"));

    private final ScenarioBuilder search = scenario("search")
            .exec(CatalogRequests.search("search", sample::anySearchParameters))
            .exec(cost.done("search"));

    public CeilingSimulation() {
        // Nested: andThen on the same parent would start its children together.
        setUp(ceiling.injectClosed(closedModel.phase())
                .andThen(detail.injectClosed(closedModel.phase())
                        .andThen(list.injectClosed(closedModel.phase())
                                .andThen(search.injectClosed(closedModel.phase())))))
                .protocols(CatalogProtocol.of(settings.catalog()))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        closedModel.prepare(sample);
        System.out.printf("Catalog %s: %d products, %d categories, %d search queries; warmed up with %d requests%n",
                settings.catalog(), sample.productCount(), sample.categoryCount(), sample.queryCount(),
                settings.warmUpRequests());
        closedModel.announce("ping, product detail, list, then search");
    }

    @Override
    public void after() {
        cost.report();
    }
}
