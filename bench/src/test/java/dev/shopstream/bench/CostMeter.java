package dev.shopstream.bench;

import io.gatling.javaapi.core.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one operation costs each process of the platform, in CPU milliseconds, measured in the same run as its rate.
 * Every simulation starts one in {@code before()}, counts each completed operation through {@link #done(String)} and
 * reports in {@code after()}. Twice a second it samples every process's CPU time ({@link ProcessCpu}) together with
 * the operations counted so far. An operation's phase runs from the last sample before its first completion to the
 * first sample after its last; a tenth of it (at least one sample) is left out at each edge, where the load ramps up
 * or drains, and the cost is the CPU used between the remaining edges over the operations completed between them.
 *
 * <p>The report goes to the console as one {@code cost:} line per operation (bench/run.sh puts them in its summary)
 * and to the CSV file {@code cost.file} ({@code bench/target/cost.csv} by default; run.sh gives each run its own),
 * one row per operation and process.
 */
final class CostMeter {

    private static final long INTERVAL_MILLIS = 500;
    private static final double EDGE_SHARE = 0.1;
    private static final String LOAD_GENERATOR = "load generator";
    private static final String CSV_HEADER =
            "measured_at,simulation,operation,operations,seconds,operations_per_s,process,cpu_ms_per_operation";

    /** The processes' CPU time and the operations completed, at one moment. */
    private record Sample(long nanos, Map<String, Long> cpuMillis, Map<String, Long> operations) {
    }

    /** An operation's steady part: the samples its edges were cut at. */
    private record Phase(Sample first, Sample last) {

        long operations(String operation) {
            return last.operations().getOrDefault(operation, 0L) - first.operations().getOrDefault(operation, 0L);
        }

        double seconds() {
            return (last.nanos() - first.nanos()) / 1e9;
        }

        double cpuPerOperation(String process, long operations) {
            return (double) (last.cpuMillis().get(process) - first.cpuMillis().get(process)) / operations;
        }
    }

    private final String simulation;
    private final Map<String, AtomicLong> completed = new ConcurrentHashMap<>();
    /** Operation names in the order they first completed, so the report follows the run. */
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cost-meter");
        thread.setDaemon(true);
        return thread;
    });

    private CostMeter(String simulation) {
        this.simulation = simulation;
    }

    /** Starts sampling for the named simulation. */
    static CostMeter start(String simulation) {
        CostMeter meter = new CostMeter(simulation);
        meter.sampler.scheduleAtFixedRate(meter::sample, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return meter;
    }

    /** A step for a scenario: counts one {@code operation} unless the session has failed. */
    Function<Session, Session> done(String operation) {
        return done(operation, 1);
    }

    /** A step for a scenario: counts {@code amount} of {@code operation} unless the session has failed. */
    Function<Session, Session> done(String operation, long amount) {
        return session -> {
            if (!session.isFailed()) {
                count(operation, amount);
            }
            return session;
        };
    }

    /** Counts {@code amount} completed operations. */
    void count(String operation, long amount) {
        completed.computeIfAbsent(operation, name -> {
            operations.add(name);
            return new AtomicLong();
        }).addAndGet(amount);
    }

    /** Stops sampling, prints a {@code cost:} line per operation and appends the figures to the CSV file. */
    void report() {
        sampler.shutdownNow();
        sample();
        List<String> rows = new ArrayList<>();
        String measuredAt = Instant.now().toString();
        for (String operation : operations) {
            Phase phase = steadyPhase(operation);
            long count = phase == null ? 0 : phase.operations(operation);
            if (count == 0) {
                System.out.printf("cost: %s: too few samples to measure%n", operation);
                continue;
            }
            Map<String, Double> perOperation = new LinkedHashMap<>();
            ProcessCpu.PLATFORM.forEach(component ->
                    perOperation.put(component.name(), phase.cpuPerOperation(component.name(), count)));
            double platform = perOperation.entrySet().stream().filter(entry -> !LOAD_GENERATOR.equals(entry.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
            System.out.printf("cost: %s, %,d over %.0f s (%.1f/s), CPU ms per operation: %s; platform %.2f; %s %.2f%n",
                    operation, count, phase.seconds(), count / phase.seconds(), perOperation.entrySet().stream()
                            .filter(entry -> !LOAD_GENERATOR.equals(entry.getKey()) && entry.getValue() >= 0.005)
                            .map(entry -> "%s %.2f".formatted(entry.getKey(), entry.getValue()))
                            .collect(Collectors.joining(", ")),
                    platform, LOAD_GENERATOR, perOperation.get(LOAD_GENERATOR));
            perOperation.put("platform", platform);
            perOperation.forEach((process, cost) -> rows.add(String.join(",", measuredAt, simulation,
                    quoted(operation), Long.toString(count), "%.1f".formatted(phase.seconds()),
                    "%.2f".formatted(count / phase.seconds()), quoted(process), "%.3f".formatted(cost))));
        }
        append(rows);
    }

    private void sample() {
        Map<String, Long> counts = completed.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
        samples.add(new Sample(System.nanoTime(), ProcessCpu.read(), counts));
    }

    /** The operation's phase without its edges, or null when it spans too few samples to cut. */
    private Phase steadyPhase(String operation) {
        int start = -1;
        int end = -1;
        for (int index = 0; index < samples.size(); index++) {
            long count = samples.get(index).operations().getOrDefault(operation, 0L);
            if (count == 0) {
                start = index;
            } else if (end < 0 || count > samples.get(end).operations().getOrDefault(operation, 0L)) {
                end = index;
            }
        }
        int edge = Math.max(1, (int) Math.round((end - start) * EDGE_SHARE));
        if (start < 0 || end - start <= 2 * edge) {
            return null;
        }
        return new Phase(samples.get(start + edge), samples.get(end - edge));
    }

    private static String quoted(String value) {
        return value.contains(",") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void append(List<String> rows) {
        Path file = Path.of(BenchSettings.text("cost.file", "target/cost.csv")).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, CSV_HEADER + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            Files.write(file, rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            System.out.printf("cost: figures appended to %s%n", file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the cost figures to " + file, e);
        }
    }
}
