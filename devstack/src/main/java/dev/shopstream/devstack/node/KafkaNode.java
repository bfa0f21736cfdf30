package dev.shopstream.devstack.node;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) in its own JVM, with its log directory kept
 * between runs. It can be stopped and started again, to simulate an outage.
 */
public final class KafkaNode implements AutoCloseable {

    private static final String COMPONENT = "Kafka";
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** The full JIT (no TieredStopAtLevel); heap sized from measurement (devstack/README.md). */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-Xss512k", "-Djava.awt.headless=true");

    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private final Path serverProperties;
    private final Path log4jConfiguration;
    private final Path consoleLog;
    private ChildProcess broker;

    private KafkaNode(Path dataDirectory, int port, int controllerPort) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = dataDirectory.resolve("kraft-logs");
        this.serverProperties = dataDirectory.resolve("server.properties");
        this.log4jConfiguration = dataDirectory.resolve("log4j2.properties");
        this.consoleLog = dataDirectory.resolve("kafka.log");
    }

    /** Starts the broker, formatting its storage on first use, and waits until it answers. */
    public static KafkaNode start(Path dataDirectory, int port, int controllerPort) {
        LocalFiles.createDirectories(dataDirectory);
        KafkaNode node = new KafkaNode(dataDirectory, port, controllerPort);
        node.start();
        return node;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path logFile() {
        return consoleLog;
    }

    /** Starts the broker again on the same ports and data after {@link #stop()}. */
    public synchronized void start() {
        if (broker != null) {
            throw new IllegalStateException("Kafka broker is already running on " + bootstrapServers());
        }
        writeConfiguration();
        formatStorageOnce();
        ChildProcess starting = ChildProcess.start(COMPONENT, javaCommand("kafka.Kafka", serverProperties.toString()), Map.of(), consoleLog);
        try {
            Readiness.await(COMPONENT, starting, READINESS_TIMEOUT, this::answers);
        } catch (StartupFailure e) {
            starting.stop(STOP_GRACE);
            throw e;
        }
        broker = starting;
    }

    /** Stops the broker (SIGTERM, then SIGKILL after a grace period); its data stays. */
    public synchronized void stop() {
        if (broker != null) {
            broker.stop(STOP_GRACE);
            broker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfiguration() {
        LocalFiles.write(serverProperties, """
                # Written by devstack on every start.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                auto.create.topics.enable=true
                num.partitions=3
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                num.network.threads=2
                num.io.threads=2
                # The default 128 MiB compaction buffer would take most of the small heap.
                log.cleaner.dedupe.buffer.size=8388608
                """.formatted(port, controllerPort, logDirectory));
        LocalFiles.write(log4jConfiguration, """
                appender.console.type=Console
                appender.console.name=console
                appender.console.layout.type=PatternLayout
                appender.console.layout.pattern=[%d] %p %m (%c)%n
                rootLogger.level=WARN
                rootLogger.appenderRef.console.ref=console
                """);
    }

    private void formatStorageOnce() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        ChildProcess format = ChildProcess.start(COMPONENT + " storage format", javaCommand("kafka.tools.StorageTool",
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties.toString(), "--standalone"),
                Map.of(), consoleLog);
        int exitCode = format.awaitExit(FORMAT_TIMEOUT);
        if (exitCode != 0) {
            throw new StartupFailure(COMPONENT, "storage format failed with exit code " + exitCode, consoleLog);
        }
    }

    private List<String> javaCommand(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + log4jConfiguration);
        command.add("-cp");
        command.add(BuildOutputs.kafkaBrokerClasspath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    private boolean answers() throws InterruptedException {
        // Only ask once the port is open: the admin client logs a warning for every refused connection.
        if (!Ports.acceptsConnections(port)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | KafkaException notReadyYet) {
            return false;
        }
    }
}
