package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.net.URI;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * What a signed-in shopper's read costs over an anonymous one (closed model, as {@link CeilingSimulation}):
 * {@code users} concurrent users read product pages (products at random from the whole catalog) back to back for
 * {@code closedDuration} seconds without a token, then as long with a customer's access token, which the catalog
 * verifies (signature, issuer, audience, expiry) on every request. Both phases offer the same load, so the ratio of
 * their request counts is the ratio of the cost of a read; {@code bench/run.sh} prints it (goal: a signed-in read
 * costs less than 20 % more). The token comes from Keycloak's password grant for {@code customer.user} (customer) /
 * {@code customer.password} (the local demo password) through {@code token.client}, renewed before it expires.
 */
public class SignedInReadSimulation extends Simulation {

    private final BenchSettings settings = BenchSettings.load();
    private final ClosedModel closedModel = new ClosedModel(settings);
    private final CatalogSample sample = new CatalogSample(settings.catalog());
    private final KeycloakToken token = new KeycloakToken(
            BenchSettings.url("token.url", "http://localhost:8180/realms/shopstream/protocol/openid-connect/token"),
            BenchSettings.text("token.client", "shopstream-dev"),
            BenchSettings.text("customer.user", "customer"),
            BenchSettings.text("customer.password", "customer-demo"));

    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());

    private final ScenarioBuilder anonymous = scenario("anonymous")
            .exec(session -> session.set(CatalogRequests.PRODUCT_ID, sample.randomProductId()))
            .exec(CatalogRequests.productDetail())
            .exec(cost.done("product detail, anonymous"));

    private final ScenarioBuilder signedIn = scenario("signed in")
            .exec(session -> session.set(CatalogRequests.PRODUCT_ID, sample.randomProductId())
                    .set(CatalogRequests.TOKEN, token.current()))
            .exec(CatalogRequests.productDetailSignedIn())
            .exec(cost.done("product detail, signed in"));

    public SignedInReadSimulation() {
        setUp(anonymous.injectClosed(closedModel.phase()).andThen(signedIn.injectClosed(closedModel.phase())))
                .protocols(CatalogProtocol.of(settings.catalog()))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        closedModel.prepare(sample);
        token.current();
        closedModel.announce("product detail anonymous, then signed in");
    }

    @Override
    public void after() {
        cost.report();
    }
}
