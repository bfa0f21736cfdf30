package dev.shopstream.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * What a benchmark run is pointed at and how hard it pushes, from system properties ({@code -Drate=300}) or, when
 * a property is absent, the environment variable {@code BENCH_} + its name in upper snake case
 * ({@code BENCH_RATE=300}, {@code BENCH_CATALOG_URL}); the defaults are the load the catalog's goals are stated for.
 *
 * @param catalog        base URL of the catalog service ({@code catalog.url})
 * @param rate           open model: requests per second of each measured phase ({@code rate})
 * @param duration       open model: length of each measured phase ({@code duration}, seconds)
 * @param ceilingRate    open model: requests per second of the ping ceiling phase ({@code ceilingRate}, default rate)
 * @param users          closed model: concurrent users looping without pause ({@code users})
 * @param closedDuration closed model: length of each phase ({@code closedDuration}, seconds)
 * @param warmUpRequests requests sent before measuring, outside Gatling's statistics ({@code warmUp})
 */
record BenchSettings(URI catalog, double rate, Duration duration, double ceilingRate, int users,
                     Duration closedDuration, int warmUpRequests) {

    static BenchSettings load() {
        double rate = number("rate", 200, 1e-3);
        return new BenchSettings(
                url("catalog.url", "http://localhost:9082"),
                rate,
                Duration.ofSeconds((long) number("duration", 60, 1)),
                number("ceilingRate", rate, 1e-3),
                (int) number("users", 16, 1),
                Duration.ofSeconds((long) number("closedDuration", 30, 1)),
                (int) number("warmUp", 2000, 0));
    }

    static String text(String name, String defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(name));
        }
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    static URI url(String name, String defaultValue) {
        return URI.create(text(name, defaultValue).replaceAll("/+$", ""));
    }

    static double number(String name, double defaultValue, double minimum) {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        double parsed = Double.parseDouble(value);
        if (!(parsed >= minimum)) {
            throw new IllegalArgumentException("-D" + name + " must be at least " + minimum + ", not " + value);
        }
        return parsed;
    }

    /** {@code catalog.url} → {@code BENCH_CATALOG_URL}, {@code reservationRate} → {@code BENCH_RESERVATION_RATE}. */
    static String environmentName(String name) {
        return "BENCH_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
