package dev.shopstream.bench;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Anonymous shoppers browsing the catalog at a constant arrival rate (open model), measured after the no-op
 * {@code GET /api/ping} ceiling at {@code ceilingRate} (by default the same rate) on the same machine, one phase after
 * the other so each gets both cores. Maximum throughput (closed model) is {@link CeilingSimulation}'s.
 *
 * <p>Each shopper session sends {@value #REQUESTS_PER_SESSION} requests back to back: the first listing page, the
 * next page through its {@code nextCursor} and the detail of a product from it; a listing narrowed by category,
 * order, price band, stock, colour or currency and a product from it; a search for words from product names, the
 * same with filters, and a product from the plain search. Sessions start at {@code rate / 8} per second, so the
 * phase sends {@code rate} requests per second: 3/8 listing, 2/8 search, 3/8 product detail.
 *
 * <p>Assertions are the catalog's goals at this rate: every browse request (each listing, each search, detail)
 * with p95 under 25 ms and p99 under 100 ms, and no failed request in the whole run. They fail
 * {@code bench/run.sh}, not the reactor build, which only compiles this class.
 */
public class BrowseSimulation extends Simulation {

    static final int REQUESTS_PER_SESSION = 8;

    private static final List<String> BROWSE_REQUESTS = List.of("list first page", "list next page",
            "list filtered", "search", "search filtered", "product detail");
    private static final int P95_GOAL_MILLIS = 25;
    private static final int P99_GOAL_MILLIS = 100;

    private final BenchSettings settings = BenchSettings.load();
    private final CatalogSample sample = new CatalogSample(settings.catalog());

    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());

    private final ScenarioBuilder ceiling = scenario("ping ceiling").exec(CatalogRequests.ping()).exec(cost.done("ping"));

    private final ScenarioBuilder browse = scenario("browse")
            .exec(http("list first page").get("/api/products")
                    .queryParam("limit", CatalogSample.PAGE_SIZE)
                    .check(status().is(200), jsonPath("$.nextCursor").saveAs("cursor")))
            .exec(http("list next page").get("/api/products")
                    .queryParam("limit", CatalogSample.PAGE_SIZE)
                    .queryParam("cursor", "#{cursor}")
                    .check(status().is(200), CatalogRequests.pickProduct(sample)))
            .exec(CatalogRequests.productDetail())
            .exec(CatalogRequests.list("list filtered", sample::filteredListParameters)
                    .check(CatalogRequests.pickProduct(sample)))
            .exec(CatalogRequests.productDetail())
            .exec(CatalogRequests.search("search", () -> sample.searchParameters(false))
                    .check(CatalogRequests.pickProduct(sample)))
            .exec(CatalogRequests.search("search filtered", () -> sample.searchParameters(true)))
            .exec(CatalogRequests.productDetail())
            .exec(cost.done("browse request", REQUESTS_PER_SESSION));

    public BrowseSimulation() {
        setUp(ceiling.injectOpen(constantUsersPerSec(settings.ceilingRate()).during(settings.duration()))
                .andThen(browse.injectOpen(
                        constantUsersPerSec(settings.rate() / REQUESTS_PER_SESSION).during(settings.duration()))))
                .protocols(CatalogProtocol.of(settings.catalog()))
                .assertions(goals());
    }

    private static List<Assertion> goals() {
        List<Assertion> goals = new ArrayList<>();
        for (String request : BROWSE_REQUESTS) {
            goals.add(details(request).responseTime().percentile(95.0).lt(P95_GOAL_MILLIS));
            goals.add(details(request).responseTime().percentile(99.0).lt(P99_GOAL_MILLIS));
        }
        goals.add(global().failedRequests().count().is(0L));
        return goals;
    }

    @Override
    public void before() {
        sample.collect();
        sample.warmUp(settings.warmUpRequests());
        System.out.printf("Catalog %s: %d products, %d categories, %d search queries (e.g. %s); warmed up with %d "
                        + "requests%n", settings.catalog(), sample.productCount(), sample.categoryCount(),
                sample.queryCount(), String.join(", ", sample.exampleQueries()), settings.warmUpRequests());
        // bench/run.sh reads the phase length from this line to turn request counts into requests per second.
        System.out.printf("Phase length: %d s; ping ceiling at %.1f req/s, then browse at %.1f req/s (open model)%n",
                settings.duration().toSeconds(), settings.ceilingRate(), settings.rate());
    }

    @Override
    public void after() {
        cost.report();
    }
}
