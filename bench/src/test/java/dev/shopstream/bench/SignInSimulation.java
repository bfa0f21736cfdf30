package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Sign-in as a shopper's app does it, then the two cheaper grants an app and a service use (open model, one
 * phase after the other):
 * <ol>
 *   <li>a warm-up: the same sign-ins at {@code signInRate} for {@code signInWarmUp} (15) seconds, silent (outside the
 *   statistics and the CPU figures);</li>
 *   <li>{@code signInRate} (15) new users per second for {@code signInDuration} (60) seconds each get a token from
 *   Keycloak's token endpoint (password grant of the local development client) and read {@code GET /api/auth/me}
 *   with it. They take turns among {@code signInUsers} customers (50) that {@link SignInUsers} creates before the
 *   run, because Keycloak serialises one user's sign-ins. Goal: the pair's p95 (the group {@value #SIGN_IN}) under
 *   300 ms.</li>
 *   <li>{@code grantRate} (30) refresh-token grants per second for {@code grantDuration} (30) seconds, each with a
 *   refresh token from the sign-ins, handing the new one on;</li>
 *   <li>as many client-credentials grants of the service client {@code payments.client} (shopstream-orders).</li>
 * </ol>
 * No failed request in any phase; {@link CostMeter} reports Keycloak's CPU per grant of each kind (Keycloak's sizing
 * guide plans 15 password grants and 120 refresh or client-credentials grants per second per vCPU). Settings as in
 * {@link BenchSettings}: {@code auth.url} (http://localhost:9081), {@code keycloak.url} (http://localhost:8180),
 * {@code token.client}, {@code payments.clientSecret}, {@code keycloakAdmin.user} / {@code keycloakAdmin.password}
 * (the master realm's local demo administrator).
 */
public class SignInSimulation extends Simulation {

    /** The token request and the first authenticated read together, as the shopper waits for them. */
    private static final String SIGN_IN = "sign-in";

    private final URI auth = BenchSettings.url("auth.url", "http://localhost:9081");
    private final URI keycloak = BenchSettings.url("keycloak.url", "http://localhost:8180");
    private final String tokenEndpoint = keycloak.resolve("/realms/shopstream/protocol/openid-connect/token").toString();
    private final String client = BenchSettings.text("token.client", "shopstream-dev");
    private final String serviceClient = BenchSettings.text("payments.client", "shopstream-orders");
    private final String serviceClientSecret = BenchSettings.text("payments.clientSecret", "local-demo-only-orders-secret");
    private final int userCount = (int) BenchSettings.number("signInUsers", 50, 1);
    private final List<String> usernames = new CopyOnWriteArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private final double rate = BenchSettings.number("signInRate", 15, 1e-3);
    private final Duration duration = Duration.ofSeconds((long) BenchSettings.number("signInDuration", 60, 1));
    private final Duration warmUpDuration = Duration.ofSeconds((long) BenchSettings.number("signInWarmUp", 15, 1));
    private final double grantRate = BenchSettings.number("grantRate", 30, 1e-3);
    private final Duration grantDuration = Duration.ofSeconds((long) BenchSettings.number("grantDuration", 30, 1));
    /** Refresh tokens from the sign-ins; each refresh takes one and gives the new one back. */
    private final Queue<String> refreshTokens = new ConcurrentLinkedQueue<>();
    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());

    private final ScenarioBuilder warmUp = signIn("warm-up", false);
    private final ScenarioBuilder signIn = signIn("sign-in", true);

    private final ScenarioBuilder refresh = scenario("refresh")
            .exec(session -> {
                String token = refreshTokens.poll();
                return token == null ? session.markAsFailed() : session.set("refreshToken", token);
            })
            .exitHereIfFailed()
            .exec(http("refresh grant").post(tokenEndpoint)
                    .formParam("grant_type", "refresh_token")
                    .formParam("client_id", client)
                    .formParam("refresh_token", "#{refreshToken}")
                    .check(status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken")))
            .exec(cost.done("refresh grant"))
            .exec(this::keepRefreshToken);

    private final ScenarioBuilder clientCredentials = scenario("client credentials")
            .exec(http("client credentials grant").post(tokenEndpoint)
                    .formParam("grant_type", "client_credentials")
                    .formParam("client_id", serviceClient)
                    .formParam("client_secret", serviceClientSecret)
                    .check(status().is(200), jsonPath("$.access_token").exists()))
            .exec(cost.done("client credentials grant"));

    public SignInSimulation() {
        // Nested: andThen on the same parent would start its children together.
        setUp(warmUp.injectOpen(constantUsersPerSec(rate).during(warmUpDuration))
                .andThen(signIn.injectOpen(constantUsersPerSec(rate).during(duration))
                        .andThen(refresh.injectOpen(constantUsersPerSec(grantRate).during(grantDuration))
                                .andThen(clientCredentials.injectOpen(
                                        constantUsersPerSec(grantRate).during(grantDuration))))))
                .protocols(http.baseUrl(auth.toString()).acceptHeader("application/json").shareConnections()
                        .disableCaching().disableWarmUp())
                .assertions(details(SIGN_IN).responseTime().percentile(95.0).lt(300),
                        global().failedRequests().count().is(0L));
    }

    /**
     * A password grant, then the first authenticated read. The warm-up's requests are silent (outside the
     * statistics): without it, the first seconds of the measured phase ran in Keycloak's and auth's interpreted code
     * on a platform just started, and one cold run measured a p95 of 2.3 s that the next run, warm, did not repeat.
     */
    private ScenarioBuilder signIn(String name, boolean measured) {
        HttpRequestActionBuilder token = http("token").post(tokenEndpoint)
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", "#{username}")
                .formParam("password", SignInUsers.PASSWORD)
                .check(status().is(200), jsonPath("$.access_token").saveAs("accessToken"),
                        jsonPath("$.refresh_token").saveAs("refreshToken"));
        HttpRequestActionBuilder me = http("me").get("/api/auth/me")
                .header("Authorization", "Bearer #{accessToken}")
                .check(status().is(200));
        ScenarioBuilder scenario = scenario(name).exec(session ->
                session.set("username", usernames.get((int) (next.getAndIncrement() % usernames.size()))));
        if (!measured) {
            return scenario.exec(token.silent()).exitHereIfFailed().exec(me.silent());
        }
        return scenario.group(SIGN_IN).on(exec(token).exec(me))
                .exec(cost.done("sign-in (password grant + me)"))
                .exec(this::keepRefreshToken);
    }

    private Session keepRefreshToken(Session session) {
        if (!session.isFailed()) {
            refreshTokens.add(session.getString("refreshToken"));
        }
        return session;
    }

    @Override
    public void before() {
        usernames.addAll(new SignInUsers(keycloak, "shopstream").ensure(userCount,
                BenchSettings.text("keycloakAdmin.user", "admin"), BenchSettings.text("keycloakAdmin.password", "admin")));
        // bench/run.sh reads the phase length from this line to turn request counts into requests per second.
        System.out.printf("Phase length: %d s; %.1f sign-ins/s taking turns among %d customers, then %.1f refresh "
                        + "and %.1f client-credentials grants/s for %d s each%n", duration.toSeconds(), rate,
                usernames.size(), grantRate, grantRate, grantDuration.toSeconds());
    }

    @Override
    public void after() {
        cost.report();
    }
}
