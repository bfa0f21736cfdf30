package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Maximum throughput of product detail compared with the no-op {@code GET /api/ping} on the same server (closed
 * model): {@code users} concurrent users send requests back to back, without pause, for {@code closedDuration}
 * seconds against ping, then as long against the detail of products picked at random from the whole catalog.
 * Both phases last equally long, so detail's share of the ceiling is its request count divided by ping's
 * ({@code bench/run.sh} prints it; the catalog's goal is at least 50 %).
 */
public class ProductDetailCeilingSimulation extends Simulation {

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final CatalogProducts products = new CatalogProducts(settings.catalog());

    private final ScenarioBuilder ceiling = scenario("ping ceiling")
            .exec(http("ping").get("/api/ping").check(status().is(204)));

    private final ScenarioBuilder detail = scenario("product detail")
            .exec(session -> session.set("productId", products.randomId()))
            .exec(http("product detail").get("/api/products/#{productId}").check(status().is(200)));

    public ProductDetailCeilingSimulation() {
        setUp(ceiling.injectClosed(constantConcurrentUsers(settings.users()).during(settings.closedDuration()))
                .andThen(detail.injectClosed(
                        constantConcurrentUsers(settings.users()).during(settings.closedDuration()))))
                .protocols(CatalogProtocol.of(settings.catalog()))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        products.collect(BrowseSimulation.PAGE_SIZE);
        products.warmUp(settings.warmUpRequests());
        System.out.printf("Catalog %s: %d products, warmed up with %d requests%n",
                settings.catalog(), products.size(), settings.warmUpRequests());
        // bench/run.sh reads the phase length from this line to turn request counts into requests per second.
        System.out.printf("Phase length: %d s; ping, then product detail, %d concurrent users each (closed model)%n",
                settings.closedDuration().toSeconds(), settings.users());
    }
}
