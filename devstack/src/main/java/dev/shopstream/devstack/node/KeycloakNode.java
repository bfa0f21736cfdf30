package dev.shopstream.devstack.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from the Maven distribution, started as in production ({@code start --optimized} after a {@code build}
 * made once per distribution), with HTTP on loopback only, the Shopstream realm imported on first start and its own
 * database in the local PostgreSQL (so users and sessions survive a restart).
 */
public final class KeycloakNode implements AutoCloseable {

    public static final String REALM = "shopstream";
    /** The master realm's administrator; local demo credentials, never used outside this machine. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The realm's secret of client shopstream-auth, the auth service's admin client. LOCAL DEMO ONLY. */
    public static final String AUTH_CLIENT_DEMO_SECRET = "local-demo-only-auth-secret";

    private static final String COMPONENT = "Keycloak";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    /** The build-time options, baked into the distribution by {@code kc.sh build}. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres");
    private static final String BUILT_MARKER = ".devstack-built";
    /**
     * The full JIT (C1 then C2): C1 alone made a password grant cost 3.5 times the CPU. The heap is sized from
     * measurement (devstack/README.md); no GC flag, kc.sh already selects G1.
     */
    private static final String HEAP_OPTIONS = "-Xms64m -Xmx256m -Xss512k";

    private final int port;
    private final ChildProcess process;

    private KeycloakNode(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Unpacks Keycloak into {@code dataDirectory} once, imports {@code realmFile} unless the realm already exists, and
     * waits until the realm's OpenID configuration is served.
     *
     * @param smtp where the realm sends its mail (verify e-mail, password reset): the realm file's
     *             {@code ${SHOPSTREAM_SMTP_HOST}} and {@code ${SHOPSTREAM_SMTP_PORT}} placeholders, resolved at import
     */
    public static KeycloakNode start(Path dataDirectory, int port, Path realmFile, DatabaseLogin database,
                                     SmtpNode smtp, Duration readinessTimeout) {
        LocalFiles.createDirectories(dataDirectory);
        Path home = KeycloakDistribution.unpackOnce(BuildOutputs.keycloakDistribution(), dataDirectory);
        buildOnce(home, dataDirectory.resolve("keycloak-build.log"));
        Path importDirectory = LocalFiles.createDirectories(home.resolve("data").resolve("import"));
        LocalFiles.copy(realmFile, importDirectory.resolve(realmFile.getFileName()));

        List<String> command = List.of(kcScript(home), "start", "--optimized",
                // Plain HTTP on loopback only: the bootstrap admin's password is a local demo value. Production
                // terminates TLS at the route (openshift/).
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://localhost:" + port, "--import-realm",
                // One node: a local cache (production clusters keep the default, Infinispan over JGroups).
                "--cache=local",
                "--db-url=" + database.jdbcUrl(), "--db-username=" + database.user());
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "SHOPSTREAM_SMTP_HOST", smtp.host(),
                "SHOPSTREAM_SMTP_PORT", Integer.toString(smtp.port()),
                "JAVA_OPTS_KC_HEAP", HEAP_OPTIONS,
                // In the environment rather than on the command line, where ps would show it.
                "KC_DB_PASSWORD", database.password(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ChildProcess process = ChildProcess.start(COMPONENT, command, environment, dataDirectory.resolve("keycloak.log"));

        KeycloakNode node = new KeycloakNode(port, process);
        try {
            Readiness.await(COMPONENT, process, readinessTimeout, () -> HttpProbe.answersOk(node.openIdConfiguration()));
        } catch (StartupFailure e) {
            process.stop(STOP_GRACE);
            throw e;
        }
        return node;
    }

    /**
     * Runs {@code kc.sh build} with {@link #BUILD_OPTIONS} unless this distribution was built with them already
     * (the marker holds the options it was built with).
     */
    private static void buildOnce(Path home, Path logFile) {
        Path marker = home.resolve(BUILT_MARKER);
        String options = String.join(" ", BUILD_OPTIONS);
        if (options.equals(LocalFiles.readIfExists(marker))) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(kcScript(home), "build"));
        command.addAll(BUILD_OPTIONS);
        ChildProcess build = ChildProcess.start(COMPONENT + " build", command,
                Map.of("JAVA_HOME", System.getProperty("java.home")), logFile);
        int exitCode = build.awaitExit(BUILD_TIMEOUT);
        if (exitCode != 0) {
            throw new StartupFailure(COMPONENT, "kc.sh build failed with exit code " + exitCode, logFile);
        }
        LocalFiles.write(marker, options);
    }

    private static String kcScript(Path home) {
        return home.resolve("bin").resolve("kc.sh").toString();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** The {@code iss} of the realm's tokens, which the services verify. */
    public URI issuer() {
        return URI.create("http://localhost:%d/realms/%s".formatted(port, REALM));
    }

    public URI openIdConfiguration() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    /** The realm's public keys (JWKS), which the services verify token signatures with. */
    public URI jwksUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
