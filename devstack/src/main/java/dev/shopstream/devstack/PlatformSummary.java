package dev.shopstream.devstack;

import dev.shopstream.devstack.demo.DemoAccount;
import dev.shopstream.devstack.node.KeycloakNode;
import dev.shopstream.devstack.node.LibertyServerProcess;
import dev.shopstream.devstack.node.PostgresNode;
import dev.shopstream.devstack.demo.Totp;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** What a developer needs once the platform is up: where everything is and how to sign in. */
final class PlatformSummary {

    /** Runs as a single-file program without a build; the path is relative to the repository root. */
    private static final String TOTP_SOURCE = "devstack/src/main/java/dev/shopstream/devstack/demo/Totp.java";

    private PlatformSummary() {
    }

    static void print(StartedPlatform platform, Path dataDirectory, PrintStream console) {
        KeycloakNode keycloak = platform.keycloak();
        console.printf("""

                Shopstream is running. Ctrl-C stops everything; data stays in %s
                %s
                Keycloak       %s   (admin console: %s / %s, local demo)
                  realm        %s
                  tokens       %s
                Kafka          %s
                PostgreSQL     localhost:%d   user %s / %s, databases %s
                SMTP           %s:%d   (accepts any login)
                  mail         %s   (JSON: %s)

                Demo accounts (realm %s, local demo passwords; support and admin also give a TOTP code from the
                demo authenticator secret %s, printed by: java %s)
                %s
                Try it (from the repository root):
                  TOKEN=$(curl -s -d grant_type=password -d client_id=%s -d username=%s -d password=%s \\
                    -d totp=$(java %s) %s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  %s

                """,
                dataDirectory,
                services(platform.services()),
                keycloak.baseUri(), KeycloakNode.ADMIN_USERNAME, KeycloakNode.ADMIN_PASSWORD,
                keycloak.issuer(),
                keycloak.tokenEndpoint(),
                platform.kafka().bootstrapServers(),
                platform.postgres().port(), PostgresNode.USER, PostgresNode.PASSWORD, String.join(", ", LocalPlatform.DATABASES),
                platform.smtp().host(), platform.smtp().port(),
                platform.mailApi().baseUri().resolve("/"), platform.mailApi().baseUri().resolve("/api/messages"),
                KeycloakNode.REALM, Totp.DEMO_SECRET, TOTP_SOURCE,
                accounts(),
                DemoAccount.DEV_CLIENT, DemoAccount.ADMIN.username(), DemoAccount.ADMIN.password(),
                TOTP_SOURCE, keycloak.tokenEndpoint(),
                callService(platform.services()));
    }

    private static String services(Map<LibertyService, LibertyServerProcess> services) {
        if (services.isEmpty()) {
            return "Services       none built yet (./mvnw install builds them)";
        }
        return services.entrySet().stream().map(service -> {
            URI base = service.getValue().baseUri();
            if (service.getKey() == LibertyService.ADMIN_UI) {
                return """
                        %-14s %s (staff: admin or support, with their TOTP code)
                                       health %s""".formatted(service.getKey().name(), base,
                        base.resolve("/health/ready"));
            }
            return """
                    %-14s API %s   OpenAPI UI %s
                                   health %s   metrics %s""".formatted(service.getKey().name(),
                    base.resolve(service.getKey().apiPath()), base.resolve("/openapi/ui/"),
                    base.resolve("/health/ready"), base.resolve("/metrics"));
        }).collect(Collectors.joining(System.lineSeparator()));
    }

    private static String callService(Map<LibertyService, LibertyServerProcess> services) {
        LibertyService service = services.containsKey(LibertyService.AUTH) ? LibertyService.AUTH : LibertyService.CATALOG;
        LibertyServerProcess server = services.get(service);
        if (server == null) {
            return "# then call a service with -H \"Authorization: Bearer $TOKEN\" once one is built";
        }
        return "curl -H \"Authorization: Bearer $TOKEN\" " + server.baseUri().resolve(service.apiPath());
    }

    private static String accounts() {
        return DemoAccount.ALL.stream()
                .map(account -> "  %-27s %-16s role %s".formatted(account.username(), account.password(), account.role()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
