package dev.shopstream.devstack;

import dev.shopstream.devstack.node.KafkaNode;
import dev.shopstream.devstack.node.KeycloakNode;
import dev.shopstream.devstack.node.LibertyServerProcess;
import dev.shopstream.devstack.node.MailApiServer;
import dev.shopstream.devstack.node.PostgresNode;
import dev.shopstream.devstack.node.SmtpNode;
import java.util.Map;

/** The components of a running local platform, for the summary and the demo data. */
record StartedPlatform(PostgresNode postgres, SmtpNode smtp, MailApiServer mailApi, KafkaNode kafka,
                       KeycloakNode keycloak, Map<LibertyService, LibertyServerProcess> services) {
}
