package dev.shopstream.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CPU time each of the platform's processes has used so far, read from {@code /proc} (user + system time of
 * every process whose command line matches the component, in milliseconds); {@link CostMeter} turns readings around
 * a measured phase into each component's CPU per operation.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    /** A component and how to know its processes by their command line (arguments joined by spaces). */
    record Component(String name, Predicate<String> commandLine) {
    }

    static final List<Component> PLATFORM = List.of(
            liberty("orders"), liberty("catalog"), liberty("payments"), liberty("auth"), liberty("notifications"),
            new Component("postgresql",
                    command -> command.startsWith("postgres") || command.contains("/bin/postgres ")),
            new Component("kafka", command -> command.contains("kafka.Kafka") || command.contains("KafkaRaftServer")),
            new Component("keycloak", command -> command.contains("-Dkc.") && command.contains("quarkus")),
            // Gatling's JVM and the Maven JVM that forked it.
            new Component("load generator", command -> command.contains("gatling")));

    private static Component liberty(String server) {
        return new Component(server, command -> command.contains("ws-server.jar") && command.endsWith(" " + server));
    }

    /** Milliseconds of CPU used so far, per component. */
    static Map<String, Long> read() {
        Map<String, Long> used = new LinkedHashMap<>();
        PLATFORM.forEach(component -> used.put(component.name(), 0L));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(process -> {
                        String command = commandLine(process);
                        PLATFORM.stream().filter(component -> component.commandLine().test(command)).findFirst()
                                .ifPresent(component -> used.merge(component.name(), cpuMillis(process), Long::sum));
                    });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc", e);
        }
        return used;
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static long cpuMillis(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // Fields after the command name in parentheses: state is field 3, utime 14 and stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
