package dev.shopstream.bench;

import java.net.URI;
import java.time.Duration;

/**
 * How {@link ReservationSimulation} signs in and how hard it reserves; read like {@link BenchSettings} (system
 * property, else {@code BENCH_} environment variable).
 *
 * @param tokenEndpoint Keycloak's token endpoint of the realm ({@code token.url})
 * @param clientId      public client allowed the password grant ({@code token.client})
 * @param username      a user with the admin (or service) role ({@code admin.user})
 * @param password      its password ({@code admin.password}; the default is the local demo password)
 * @param rate          reservations started per second ({@code reservationRate})
 * @param duration      how long they are started for ({@code reservationDuration}, seconds)
 * @param skus          how many SKUs they spread over ({@code skus})
 * @param warmUp        how long the same rate is sent first, silently, on SKUs of their own ({@code reservationWarmUp},
 *                      seconds)
 */
record ReservationSettings(URI tokenEndpoint, String clientId, String username, String password, double rate,
                           Duration duration, int skus, Duration warmUp) {

    static ReservationSettings load() {
        return new ReservationSettings(
                BenchSettings.url("token.url", "http://localhost:8180/realms/shopstream/protocol/openid-connect/token"),
                BenchSettings.text("token.client", "shopstream-dev"),
                BenchSettings.text("admin.user", "admin"),
                BenchSettings.text("admin.password", "admin-demo"),
                BenchSettings.number("reservationRate", 300, 1e-3),
                Duration.ofSeconds((long) BenchSettings.number("reservationDuration", 60, 1)),
                (int) BenchSettings.number("skus", 20, 1),
                Duration.ofSeconds((long) BenchSettings.number("reservationWarmUp", 15, 1)));
    }

    /** Reservations the run sends, about. */
    long demand() {
        return Math.round(rate * duration.toSeconds());
    }
}
