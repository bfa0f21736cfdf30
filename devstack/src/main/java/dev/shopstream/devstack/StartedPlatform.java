package dev.shopstream.devstack;

import java.util.Map;

/** The components of a running local platform, for the summary and the demo data. */
record StartedPlatform(PostgresNode postgres, SmtpNode smtp, MailApiServer mailApi, KafkaNode kafka,
                       KeycloakNode keycloak, Map<LibertyService, LibertyServerProcess> services) {
}
