package dev.shopstream.devstack;

import dev.shopstream.devstack.demo.DemoAssortment;
import dev.shopstream.devstack.demo.DemoCatalog;
import dev.shopstream.devstack.demo.DemoCatalogCsv;
import dev.shopstream.devstack.node.Elapsed;
import dev.shopstream.devstack.node.LibertyServerProcess;
import dev.shopstream.devstack.node.Ports;
import dev.shopstream.devstack.node.StartupFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local platform launcher behind {@code ./platform.sh}: starts PostgreSQL, GreenMail, Kafka, Keycloak and every
 * Liberty service that has been built, prints where everything is, and stops it all in reverse order on Ctrl-C.
 */
public final class Devstack {

    private static final int STARTUP_FAILED = 1;
    private static final int CONFIGURATION_ERROR = 2;
    private static final long SHUTDOWN_WAIT_FOR_STARTUP_MINUTES = 2;

    private final PrintStream console = System.out;
    private final CountDownLatch startupFinished = new CountDownLatch(1);
    private volatile boolean shutdownRequested;

    private Devstack() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.out.println(usage());
            System.exit(List.of("-h", "--help").contains(args[0]) ? 0 : CONFIGURATION_ERROR);
        }
        quietenLibraryLogging();
        try {
            int exitCode = new Devstack().run();
            if (exitCode != 0) {
                System.exit(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int run() throws InterruptedException {
        DevstackSettings settings;
        List<LibertyService> services;
        Path wlpDirectory;
        try {
            settings = DevstackSettings.load(LibertyService.ALL);
            console.printf("Starting Shopstream's local platform (data in %s)%n", settings.dataDirectory());
            wlpDirectory = settings.root().resolve("target").resolve("liberty").resolve("wlp");
            services = servicesToRun(settings.root(), wlpDirectory);
            requirePortsFree(settings, services);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            return CONFIGURATION_ERROR;
        }

        LocalPlatform platform = new LocalPlatform(settings, console);
        Thread launcher = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(platform, launcher), "devstack-shutdown"));
        long began = System.nanoTime();
        try {
            StartedPlatform started = platform.start(wlpDirectory, services);
            console.printf("  %-16s ready in %s%n", "Everything", Elapsed.since(began));
            addDemoCatalog(started);
            PlatformSummary.print(started, settings.dataDirectory(), console);
        } catch (StartupFailure e) {
            if (shutdownRequested) {
                return 0;
            }
            reportFailure(e);
            platform.stop();
            return STARTUP_FAILED;
        } catch (InterruptedException e) {
            // Only the shutdown hook interrupts the launcher, and it stops the platform itself.
            return 0;
        } finally {
            startupFinished.countDown();
        }
        platform.awaitStopped();
        return 0;
    }

    private void shutDown(LocalPlatform platform, Thread launcher) {
        shutdownRequested = true;
        if (startupFinished.getCount() > 0) {
            console.println("Cancelling the start-up");
            launcher.interrupt();
            try {
                startupFinished.await(SHUTDOWN_WAIT_FOR_STARTUP_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        platform.stop();
    }

    private List<LibertyService> servicesToRun(Path root, Path wlpDirectory) {
        List<LibertyService> built = LibertyService.ALL.stream().filter(service -> service.isBuilt(root)).toList();
        LibertyService.ALL.stream().filter(service -> !built.contains(service)).forEach(service -> console.printf(
                "  %-16s skipped: not built yet (./mvnw install creates its server)%n", service.name()));
        if (!built.isEmpty() && !Files.isDirectory(wlpDirectory)) {
            console.printf("  Services skipped: no Liberty runtime at %s (./mvnw install unpacks it)%n", wlpDirectory);
            return List.of();
        }
        return built;
    }

    private static void requirePortsFree(DevstackSettings settings, List<LibertyService> services) {
        Map<Integer, String> settingByPort = new HashMap<>();
        Stream.concat(DevstackSettings.PLATFORM_PORTS.stream(), services.stream().map(LibertyService::port))
                .forEach(setting -> {
                    int port = settings.port(setting);
                    String clash = settingByPort.putIfAbsent(port, setting.name());
                    if (clash != null) {
                        throw new IllegalStateException("%s and %s both choose port %d; set one of them to another port"
                                .formatted(clash, setting.name(), port));
                    }
                    Ports.requireFree(port, setting.name());
                });
    }

    private void addDemoCatalog(StartedPlatform started) throws InterruptedException {
        LibertyServerProcess catalog = started.services().get(LibertyService.CATALOG);
        if (catalog == null) {
            console.println("  Demo catalog skipped: catalog is not running");
            return;
        }
        try {
            if (!new DemoCatalog(catalog.baseUri(), started.keycloak().tokenEndpoint(), console).fillIfEmpty()) {
                console.println("  Catalog already has products; demo catalog not imported");
            }
        } catch (StartupFailure e) {
            throw e; // rows the import rejected: a bug to fix, not a hiccup to shrug off
        } catch (IOException | RuntimeException e) {
            // The platform is usable without demo data, so this is reported rather than fatal.
            console.println("  Demo catalog not imported: " + e.getMessage());
        }
    }

    private static void reportFailure(StartupFailure failure) {
        System.err.printf("%n%s%n", failure.getMessage());
        failure.logFile().ifPresent(log -> System.err.printf("Full log of %s: %s%n%n", failure.component(), log));
    }

    // zonky, GreenMail and the Kafka client log through slf4j-simple; the launcher reports progress itself.
    private static void quietenLibraryLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static String usage() {
        StringBuilder usage = new StringBuilder("""
                Usage: ./platform.sh
                Builds Shopstream, then starts PostgreSQL, GreenMail (SMTP), Kafka, Keycloak and every built service.
                Into an empty catalog it imports the demo catalog: %d categories and %,d generated products with
                their SKUs and stock (a few minutes, once). Ctrl-C stops everything; data stays in the data directory.

                Settings: environment variables, or -D system properties of the same name in lower case with dots
                (SHOPSTREAM_KAFKA_PORT -> -Dshopstream.kafka.port).
                  SHOPSTREAM_DATA_DIR                default <repo>/.devstack-data
                  SHOPSTREAM_OFFLINE=1               build with mvn -o (platform.sh)
                """.formatted(DemoAssortment.categories().size(), DemoCatalogCsv.PRODUCTS));
        Stream.concat(DevstackSettings.PLATFORM_PORTS.stream(), LibertyService.ALL.stream().map(LibertyService::port))
                .forEach(setting -> usage.append("  %-34s default %d%n".formatted(setting.name(), setting.defaultPort())));
        return usage.toString();
    }
}
