package dev.shopstream.devstack.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from the Maven distribution, in dev mode, with the Shopstream realm imported on first start and its own
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
    // Small enough for a 2-core laptop running the whole platform; no GC flag, kc.sh already selects G1.
    private static final String HEAP_OPTIONS = "-Xms32m -Xmx160m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Xss512k";

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
        Path importDirectory = LocalFiles.createDirectories(home.resolve("data").resolve("import"));
        LocalFiles.copy(realmFile, importDirectory.resolve(realmFile.getFileName()));

        List<String> command = List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                // Loopback only: the bootstrap admin's password is a local demo value.
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://localhost:" + port, "--import-realm",
                "--db=postgres", "--db-url=" + database.jdbcUrl(), "--db-username=" + database.user());
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
