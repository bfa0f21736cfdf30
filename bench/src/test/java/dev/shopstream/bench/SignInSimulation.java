package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * Sign-in as a shopper's app does it (open model): {@code signInRate} new users per second for
 * {@code signInDuration} seconds each get a token from Keycloak's token endpoint (password grant of the local
 * development client) and read {@code GET /api/auth/me} with it. They take turns among {@code signInUsers}
 * customers (50) that {@link SignInUsers} creates before the run, because Keycloak serialises one user's sign-ins.
 * Goal: the pair's p95 (the group {@value #SIGN_IN}) under 300 ms at 20 sign-ins/s, no failed request. Settings as
 * in {@link BenchSettings}: {@code auth.url} (http://localhost:9081), {@code keycloak.url} (http://localhost:8180),
 * {@code token.client}, {@code keycloakAdmin.user} / {@code keycloakAdmin.password} (the master realm's local demo
 * administrator).
 */
public class SignInSimulation extends Simulation {

    /** The token request and the first authenticated read together, as the shopper waits for them. */
    private static final String SIGN_IN = "sign-in";

    private final URI auth = BenchSettings.url("auth.url", "http://localhost:9081");
    private final URI keycloak = BenchSettings.url("keycloak.url", "http://localhost:8180");
    private final String tokenEndpoint = keycloak.resolve("/realms/shopstream/protocol/openid-connect/token").toString();
    private final String client = BenchSettings.text("token.client", "shopstream-dev");
    private final int userCount = (int) BenchSettings.number("signInUsers", 50, 1);
    private final List<String> usernames = new CopyOnWriteArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private final double rate = BenchSettings.number("signInRate", 20, 1e-3);
    private final Duration duration = Duration.ofSeconds((long) BenchSettings.number("signInDuration", 60, 1));

    private final ScenarioBuilder signIn = scenario("sign-in")
            .exec(session -> session.set("username", usernames.get((int) (next.getAndIncrement() % usernames.size()))))
            .group(SIGN_IN).on(
                    exec(http("token").post(tokenEndpoint)
                            .formParam("grant_type", "password")
                            .formParam("client_id", client)
                            .formParam("username", "#{username}")
                            .formParam("password", SignInUsers.PASSWORD)
                            .check(status().is(200), jsonPath("$.access_token").saveAs("accessToken")))
                    .exec(http("me").get("/api/auth/me")
                            .header("Authorization", "Bearer #{accessToken}")
                            .check(status().is(200))));

    public SignInSimulation() {
        setUp(signIn.injectOpen(constantUsersPerSec(rate).during(duration)))
                .protocols(http.baseUrl(auth.toString()).acceptHeader("application/json").shareConnections()
                        .disableCaching().disableWarmUp())
                .assertions(details(SIGN_IN).responseTime().percentile(95.0).lt(300),
                        global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        usernames.addAll(new SignInUsers(keycloak, "shopstream").ensure(userCount,
                BenchSettings.text("keycloakAdmin.user", "admin"), BenchSettings.text("keycloakAdmin.password", "admin")));
        // bench/run.sh reads the phase length from this line to turn request counts into requests per second.
        System.out.printf("Phase length: %d s; %.1f sign-ins/s taking turns among %d customers%n",
                duration.toSeconds(), rate, usernames.size());
    }
}
