package dev.shopstream.bench;

import java.net.URI;
import java.time.Duration;

/**
 * What a benchmark run is pointed at and how hard it pushes, from system properties ({@code -Drate=300}); the
 * defaults are the load the catalog's goals are stated for.
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

    static BenchSettings fromSystemProperties() {
        double rate = number("rate", 200, 1e-3);
        return new BenchSettings(
                URI.create(System.getProperty("catalog.url", "http://localhost:9082").replaceAll("/+$", "")),
                rate,
                Duration.ofSeconds((long) number("duration", 60, 1)),
                number("ceilingRate", rate, 1e-3),
                (int) number("users", 16, 1),
                Duration.ofSeconds((long) number("closedDuration", 30, 1)),
                (int) number("warmUp", 2000, 0));
    }

    private static double number(String name, double defaultValue, double minimum) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        double parsed = Double.parseDouble(value.strip());
        if (!(parsed >= minimum)) {
            throw new IllegalArgumentException("-D" + name + " must be at least " + minimum + ", not " + value);
        }
        return parsed;
    }
}
