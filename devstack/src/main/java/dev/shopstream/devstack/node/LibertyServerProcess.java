package dev.shopstream.devstack.node;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Open Liberty server, created by a service's build, run in the foreground ({@code server run}) as a child
 * process of the shared runtime installation.
 */
public final class LibertyServerProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(30);

    private final Path serverScript;
    private final String serverName;
    private final int httpPort;
    private final Map<String, String> environment;
    private final ChildProcess process;

    private LibertyServerProcess(Path serverScript, String serverName, int httpPort, Map<String, String> environment,
                                 ChildProcess process) {
        this.serverScript = serverScript;
        this.serverName = serverName;
        this.httpPort = httpPort;
        this.environment = environment;
        this.process = process;
    }

    /**
     * Starts {@code userDirectory/servers/serverName} with {@code wlpDirectory/bin/server run} and waits until
     * {@code /health/ready} answers 200.
     *
     * @param environment added to the server's environment, beside {@code WLP_USER_DIR} and {@code HTTP_PORT}
     */
    public static LibertyServerProcess start(Path wlpDirectory, Path userDirectory, String serverName, int httpPort,
                                             Map<String, String> environment, Duration readinessTimeout) {
        Path serverDirectory = userDirectory.resolve("servers").resolve(serverName);
        Path consoleLog = serverDirectory.resolve("logs").resolve("devstack-console.log");
        if (!Files.isRegularFile(serverDirectory.resolve("server.xml"))) {
            throw new StartupFailure(serverName, "has no server at " + serverDirectory + "; build it with ./mvnw install", null);
        }
        Map<String, String> serverEnvironment = new HashMap<>();
        serverEnvironment.put("JAVA_HOME", System.getProperty("java.home"));
        serverEnvironment.putAll(environment);
        serverEnvironment.put("WLP_USER_DIR", userDirectory.toString());
        serverEnvironment.put("HTTP_PORT", Integer.toString(httpPort));

        Path serverScript = wlpDirectory.resolve("bin").resolve("server");
        ChildProcess process = ChildProcess.start(serverName,
                List.of(serverScript.toString(), "run", serverName), serverEnvironment, consoleLog);
        LibertyServerProcess server = new LibertyServerProcess(serverScript, serverName, httpPort, serverEnvironment, process);
        try {
            Readiness.await(serverName, process, readinessTimeout,
                    () -> HttpProbe.answersOk(server.baseUri().resolve("/health/ready")));
        } catch (StartupFailure e) {
            process.stop(EXIT_GRACE);
            throw e;
        }
        return server;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + httpPort);
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Ends the server at once, without a chance to finish anything (kill -9), as a crashed node would end. */
    public void kill() {
        process.kill();
    }

    /** Stops the server the way Liberty expects ({@code server stop}); kills it only if that does not work. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        ChildProcess stop = ChildProcess.start(serverName + " stop",
                List.of(serverScript.toString(), "stop", serverName), environment, process.logFile());
        stop.awaitExit(STOP_TIMEOUT);
        process.awaitExitOrKill(EXIT_GRACE);
    }
}
