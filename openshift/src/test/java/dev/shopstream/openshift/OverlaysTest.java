package dev.shopstream.openshift;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders every overlay and checks each object against its schema and the project's rules (docs/openshift.md). */
class OverlaysTest {

    static final List<String> SERVICES = List.of("catalog", "auth", "payments", "orders", "notifications");
    static Map<String, RenderedOverlay> overlays;

    @BeforeAll
    static void render() {
        overlays = Map.of("dev", RenderedOverlay.render("dev"), "prod", RenderedOverlay.render("prod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesItsSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : overlays.get(overlay).objects()) {
            SchemaCheck.problems(object).forEach(p -> problems.add(object.path("kind").asText() + " "
                    + object.path("metadata").path("name").asText() + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaCheckRefusesAnUnknownFieldAndAWrongType() throws IOException {
        JsonNode unknownField = RenderedOverlay.yaml("""
                apiVersion: apps.openliberty.io/v1
                kind: OpenLibertyApplication
                metadata: {name: broken}
                spec: {applicationImage: "x:1", replicaz: 3}
                """);
        JsonNode wrongType = RenderedOverlay.yaml("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: broken}
                spec: {partitions: "six"}
                """);
        assertThat(SchemaCheck.problems(unknownField)).anyMatch(p -> p.contains("replicaz"));
        assertThat(SchemaCheck.problems(wrongType)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsRestrictedWithProbesResourcesAndAnEdgeRoute(String overlay) {
        List<JsonNode> applications = overlays.get(overlay).ofKind("OpenLibertyApplication");
        assertThat(applications).extracting(a -> a.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (JsonNode application : applications) assertThat(restrictionProblems(application)).isEmpty();
    }

    @Test
    void theRestrictionCheckCatchesARootContainerWithoutProbes() throws IOException {
        JsonNode broken = RenderedOverlay.yaml("""
                apiVersion: apps.openliberty.io/v1
                kind: OpenLibertyApplication
                metadata: {name: broken}
                spec:
                  applicationImage: broken:latest
                  securityContext: {runAsUser: 0, allowPrivilegeEscalation: true}
                  expose: true
                """);
        assertThat(restrictionProblems(broken)).hasSizeGreaterThanOrEqualTo(8);
    }

    static List<String> restrictionProblems(JsonNode application) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = application.path("spec");
        JsonNode security = spec.path("securityContext");
        String image = spec.path("applicationImage").asText();
        if (!image.matches(".+:[\\w.-]+$") || image.endsWith(":latest")) problems.add("image without a fixed tag");
        if (!security.path("runAsNonRoot").asBoolean(false)) problems.add("runAsNonRoot not set");
        if (security.has("runAsUser")) problems.add("a fixed UID (restricted-v2 assigns one)");
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) problems.add("privilege escalation allowed");
        if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) problems.add("capabilities not dropped");
        if (!"RuntimeDefault".equals(security.path("seccompProfile").path("type").asText())) problems.add("no RuntimeDefault seccomp");
        for (String probe : List.of("startup", "liveness", "readiness")) {
            String path = spec.path("probes").path(probe).path("httpGet").path("path").asText();
            String expected = "/health/" + (probe.equals("startup") ? "started" : probe.equals("liveness") ? "live" : "ready");
            if (!expected.equals(path)) problems.add(probe + " probe not on " + expected);
        }
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (spec.path("resources").path(kind).path(resource).asText().isEmpty()) problems.add(kind + "." + resource + " unset");
            }
        }
        if (spec.path("expose").asBoolean(false) && !"edge".equals(spec.path("route").path("termination").asText())) {
            problems.add("route without TLS edge termination");
        }
        if (spec.path("monitoring").path("endpoints").isEmpty()) problems.add("not scraped by Prometheus");
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodIsDeniedByDefaultAndSelectedByAPolicyOfItsOwn(String overlay) {
        RenderedOverlay rendered = overlays.get(overlay);
        JsonNode deny = rendered.named("NetworkPolicy", "default-deny").path("spec");
        assertThat(deny.path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.has("ingress") || deny.has("egress")).isFalse();
        Set<String> selected = new TreeSet<>();
        rendered.ofKind("NetworkPolicy").forEach(p -> selected.add(p.path("spec").path("podSelector").path("matchLabels").toString()));
        for (String service : SERVICES) {
            assertThat(selected).contains("{\"app.kubernetes.io/instance\":\"" + service + "\"}", "{\"cnpg.io/cluster\":\"" + service + "-db\"}");
            JsonNode database = rendered.named("NetworkPolicy", service + "-db").path("spec").path("ingress");
            assertThat(database.toString()).doesNotContain(SERVICES.stream().filter(s -> !s.equals(service))
                    .map(s -> "\"app.kubernetes.io/instance\":\"" + s + "\"").toArray(String[]::new));
        }
        assertThat(selected).contains("{\"strimzi.io/cluster\":\"shopstream\"}", "{\"app\":\"keycloak\"}",
                "{\"cnpg.io/cluster\":\"keycloak-db\"}");
        assertThat(rendered.named("NetworkPolicy", "keycloak-db").path("spec").path("ingress").toString())
                .doesNotContain("app.kubernetes.io/instance");
    }

    @Test
    void everyDocumentedAndConsumedTopicHasAKafkaTopicAndADeadLetterTopic() throws IOException {
        Set<String> topics = new TreeSet<>(List.of("order.lifecycle", "notification.events"));
        try (var files = Files.list(RenderedOverlay.ROOT.resolve("docs/events"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".md"))
                    .forEach(f -> topics.add(f.substring(0, f.length() - 3)));
        }
        Pattern consumed = Pattern.compile("(?m)^mp\\.messaging\\.\\w+\\.[\\w-]+\\.topic=(.+)$");
        for (String service : SERVICES) {
            Matcher m = consumed.matcher(Files.readString(RenderedOverlay.ROOT.resolve(service + "/src/main/resources/META-INF/microprofile-config.properties")));
            while (m.find()) topics.add(m.group(1).trim());
        }
        for (String overlay : overlays.keySet()) {
            Set<String> declared = new TreeSet<>();
            overlays.get(overlay).ofKind("KafkaTopic").forEach(t -> declared.add(t.path("spec").path("topicName").asText()));
            for (String topic : topics) assertThat(declared).as(overlay).contains(topic, topic + ".dlq");
        }
    }

    @Test
    void aServiceWithNoPodAtAllIsAlertedToo() {
        List<String> expressions = new ArrayList<>();
        overlays.get("prod").named("PrometheusRule", "shopstream").path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText())));
        for (String service : SERVICES) {
            assertThat(expressions).anyMatch(expr -> expr.contains(
                    "absent(up{namespace=\"shopstream\", job=\"" + service + "\"})"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theConsumerLagAlertReadsTheKafkaExporterPrometheusScrapes(String overlay) {
        RenderedOverlay rendered = overlays.get(overlay);
        assertThat(rendered.named("PrometheusRule", "shopstream").toString()).contains("kafka_consumergroup_lag");
        assertThat(rendered.named("Kafka", "shopstream").path("spec").path("kafkaExporter").path("groupRegex").asText())
                .isNotEmpty();
        JsonNode scrape = rendered.named("PodMonitor", "shopstream-kafka-exporter").path("spec");
        assertThat(scrape.path("selector").path("matchLabels").path("strimzi.io/name").asText())
                .isEqualTo("shopstream-kafka-exporter");
        assertThat(rendered.named("NetworkPolicy", "kafka").path("spec").path("ingress").toString()).contains("9404");
    }

    /**
     * Liberty exports http.server.request.duration as quantiles only, unless MicroProfile Metrics 5.1's
     * timer.buckets names it: without buckets histogram_quantile has no series and the p99 alert never fires.
     */
    @Test
    void theP99AlertReadsBucketsEveryServiceExportsWithABoundaryAtItsThreshold() throws IOException {
        String expr = rule("ShopstreamHighP99Latency").path("expr").asText();
        Matcher alert = Pattern.compile("histogram_quantile\\(0\\.99, .*rate\\(http_server_request_duration_seconds_bucket\\[\\w+]\\)\\)\\) > ([\\d.]+)$")
                .matcher(expr);
        assertThat(alert.find()).as(expr).isTrue();
        double thresholdSeconds = Double.parseDouble(alert.group(1));

        String base = Files.readString(RenderedOverlay.ROOT.resolve("liberty-config/src/main/resources/shared/config/http.xml"));
        Matcher buckets = Pattern.compile("<variable name=\"mp\\.metrics\\.distribution\\.timer\\.buckets\"\\s+defaultValue=\"([^\"]*)\"")
                .matcher(base);
        assertThat(buckets.find()).as("http.xml sets mp.metrics.distribution.timer.buckets").isTrue();
        List<Double> boundaries = new ArrayList<>();
        for (String entry : buckets.group(1).split(";")) {
            String[] metricAndValues = entry.split("=", 2);
            if (!metricAndValues[0].equals("http.server.request.duration")) continue;
            for (String value : metricAndValues[1].split(",")) boundaries.add(seconds(value.trim()));
        }
        assertThat(boundaries).as("buckets of http.server.request.duration").hasSizeGreaterThanOrEqualTo(5)
                .isSorted().contains(thresholdSeconds);

        Pattern distribution = Pattern.compile("(?mi)^\\s*mp[._]metrics[._]distribution");
        for (String service : SERVICES) {
            assertThat(Files.readString(RenderedOverlay.ROOT.resolve(service + "/src/main/liberty/config/server.xml")))
                    .as(service).contains("<include location=\"${shared.config.dir}/base.xml\"/>");
            assertThat(Files.readString(RenderedOverlay.ROOT.resolve(service + "/src/main/resources/META-INF/microprofile-config.properties")))
                    .as(service + " overrides the shared buckets").doesNotContainPattern(distribution);
            for (String overlay : overlays.keySet()) {
                overlays.get(overlay).named("OpenLibertyApplication", service).path("spec").path("env")
                        .forEach(e -> assertThat(e.path("name").asText()).as(overlay + " " + service)
                                .doesNotStartWith("MP_METRICS_DISTRIBUTION"));
            }
        }
    }

    /** A MicroProfile Metrics 5.1 timer bucket: an integer with ms, s, m or h (milliseconds without a unit). */
    private static double seconds(String value) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value);
        if (!m.matches()) throw new AssertionError("not a timer bucket MicroProfile Metrics accepts: " + value);
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> amount;
            case "m" -> amount * 60.0;
            case "h" -> amount * 3600.0;
            default -> amount / 1000.0;
        };
    }

    private static JsonNode rule(String alert) {
        for (JsonNode group : overlays.get("prod").named("PrometheusRule", "shopstream").path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (alert.equals(rule.path("alert").asText())) return rule;
            }
        }
        throw new AssertionError("no alert " + alert);
    }

    /** PostgreSQL's superuser_reserved_connections default, and connections kept for the operator, its exporter and psql. */
    static final int RESERVED_DEFAULT = 3;
    static final int SPARE = 10;

    /**
     * Every pool that may connect to a database at once, at the most pods there can be: the HPA's maximum (or the
     * replicas) plus the rolling update's surge, each with all its pools full; Keycloak's instances with theirs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDatabaseHasAConnectionForEveryPoolAtFullScale(String overlay) throws IOException {
        Map<String, ConnectionBudget> budgets = connectionBudgets(overlays.get(overlay));
        assertThat(budgets.keySet()).containsAll(SERVICES.stream().map(s -> s + "-db").toList()).contains("keycloak-db");
        budgets.forEach((database, budget) -> {
            assertThat(budget.clients()).as(database + " has clients").isPositive();
            assertThat(budget.clients() + budget.reserved() + SPARE).as(overlay + " " + database + ": " + budget)
                    .isLessThanOrEqualTo(budget.maxConnections());
        });
    }

    @Test
    void theConnectionBudgetCountsTheSurgeAndEveryPool() throws IOException {
        RenderedOverlay tooSmall = new RenderedOverlay("synthetic", List.of(RenderedOverlay.yaml("""
                apiVersion: apps.openliberty.io/v1
                kind: OpenLibertyApplication
                metadata: {name: payments}
                spec:
                  autoscaling: {maxReplicas: 10}
                  env: [{name: DB_HOST, value: payments-db-rw}]
                """), RenderedOverlay.yaml("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: payments-db}
                spec: {instances: 3}
                """)));
        // 10 pods and 3 more while a rolling update surges, each with payments' pools at their defaults (20 + 10).
        assertThat(connectionBudgets(tooSmall).get("payments-db")).isEqualTo(new ConnectionBudget(390, 3, 100));
    }

    record ConnectionBudget(int clients, int reserved, int maxConnections) {
    }

    static Map<String, ConnectionBudget> connectionBudgets(RenderedOverlay rendered) throws IOException {
        Map<String, ConnectionBudget> budgets = new java.util.TreeMap<>();
        for (JsonNode cluster : rendered.ofKind("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            JsonNode parameters = cluster.path("spec").path("postgresql").path("parameters");
            int clients = 0;
            for (JsonNode application : rendered.ofKind("OpenLibertyApplication")) {
                String service = application.path("metadata").path("name").asText();
                Map<String, JsonNode> env = env(rendered, service);
                if (!env.containsKey("DB_HOST") || !env.get("DB_HOST").path("value").asText().equals(name + "-rw")) continue;
                int perPod = 0;
                for (Map.Entry<String, Integer> pool : pools(service).entrySet()) {
                    perPod += setting(rendered, application, pool.getKey(), pool.getValue());
                }
                clients += mostPods(application.path("spec")) * perPod;
            }
            for (JsonNode keycloak : rendered.ofKind("Keycloak")) {
                JsonNode db = keycloak.path("spec").path("db");
                if (!db.path("host").asText().equals(name + "-rw")) continue;
                // Keycloak's own default pool is 100 connections per instance; a StatefulSet updates without a surge.
                clients += keycloak.path("spec").path("instances").asInt(1) * db.path("poolMaxSize").asInt(100);
            }
            budgets.put(name, new ConnectionBudget(clients,
                    Integer.parseInt(parameters.path("superuser_reserved_connections").asText("" + RESERVED_DEFAULT)),
                    Integer.parseInt(parameters.path("max_connections").asText("100"))));
        }
        return budgets;
    }

    /** The most pods of an application at once: its HPA's maximum or its replicas, plus the rolling update's surge. */
    static int mostPods(JsonNode spec) {
        int pods = spec.has("autoscaling") ? spec.path("autoscaling").path("maxReplicas").asInt() : spec.path("replicas").asInt(1);
        JsonNode strategy = spec.path("deployment").path("updateStrategy");
        if ("Recreate".equals(strategy.path("type").asText())) return pods;
        String surge = strategy.path("rollingUpdate").path("maxSurge").asText("25%");
        return pods + (surge.endsWith("%")
                ? (int) Math.ceil(pods * Integer.parseInt(surge.substring(0, surge.length() - 1)) / 100.0)
                : Integer.parseInt(surge));
    }

    /** A service's connection pools: the variable each dataSource's maxPoolSize names, with its default. */
    static Map<String, Integer> pools(String service) throws IOException {
        String server = Files.readString(RenderedOverlay.ROOT.resolve(service + "/src/main/liberty/config/server.xml"));
        StringBuilder config = new StringBuilder(server);
        Matcher include = Pattern.compile("<include location=\"\\$\\{shared\\.config\\.dir}/([\\w.-]+)\"/>").matcher(server);
        while (include.find()) {
            config.append(Files.readString(RenderedOverlay.ROOT.resolve("liberty-config/src/main/resources/shared/config/" + include.group(1))));
        }
        Map<String, Integer> pools = new java.util.TreeMap<>();
        Matcher pool = Pattern.compile("maxPoolSize=\"\\$\\{([\\w.]+)}\"").matcher(config);
        while (pool.find()) {
            Matcher variable = Pattern.compile("<variable name=\"" + Pattern.quote(pool.group(1)) + "\" defaultValue=\"(\\d+)\"/>")
                    .matcher(config);
            assertThat(variable.find()).as(service + ": default of " + pool.group(1)).isTrue();
            pools.put(pool.group(1), Integer.parseInt(variable.group(1)));
        }
        assertThat(Pattern.compile("maxPoolSize=\"(?!\\$\\{)").matcher(config).find()).as(service + ": a fixed maxPoolSize").isFalse();
        return pools;
    }

    /** A server variable as the pod sees it: its env, else a ConfigMap it takes everything from, else the default. */
    static int setting(RenderedOverlay rendered, JsonNode application, String variable, int defaultValue) {
        String name = variable.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        for (JsonNode e : application.path("spec").path("env")) {
            if (e.path("name").asText().equals(name)) {
                assertThat(e.has("value")).as(name + " from a literal value, so it can be counted").isTrue();
                return Integer.parseInt(e.path("value").asText());
            }
        }
        for (JsonNode from : application.path("spec").path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText();
            if (configMap.isEmpty()) continue;
            JsonNode value = rendered.named("ConfigMap", configMap).path("data").path(name);
            if (!value.isMissingNode()) return Integer.parseInt(value.asText());
        }
        return defaultValue;
    }

    /** Keycloak's mail (password reset, e-mail verification) and notifications' come from the same sender. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakAndNotificationsSendAsOneSenderOfOneDomain(String overlay) {
        RenderedOverlay rendered = overlays.get(overlay);
        JsonNode sender = rendered.named("ConfigMap", "shopstream-mail").path("data");
        JsonNode smtp = rendered.named("KeycloakRealmImport", "shopstream").path("spec").path("realm").path("smtpServer");
        assertThat(smtp.path("from").asText()).isEqualTo(sender.path("sender-address").asText());
        assertThat(smtp.path("fromDisplayName").asText()).isEqualTo(sender.path("sender-name").asText());
        assertThat(smtp.path("replyTo").asText()).isEqualTo(sender.path("reply-to").asText());

        Map<String, JsonNode> env = env(rendered, "notifications");
        assertThat(expanded(rendered, env, "SHOPSTREAM_MAIL_FROM"))
                .isEqualTo(sender.path("sender-name").asText() + " <" + sender.path("sender-address").asText() + ">");
        assertThat(expanded(rendered, env, "SHOPSTREAM_NOTIFICATIONS_STAFF_EMAIL")).isEqualTo(sender.path("staff-address").asText());

        String domain = sender.path("sender-address").asText().replaceFirst("^[^@]+@", "");
        assertThat(domain).isNotBlank().doesNotEndWith(".local");
        for (String key : List.of("reply-to", "staff-address")) {
            assertThat(sender.path(key).asText()).as(key).endsWith("@" + domain);
        }
        assertThat(rendered.objects().toString()).doesNotContain("@shopstream.local");
    }

    @Test
    void locallyTooKeycloakAndNotificationsSendAsOneSender() throws IOException {
        JsonNode smtp = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RenderedOverlay.ROOT
                .resolve("liberty-config/src/main/resources/keycloak/shopstream-realm.json").toFile()).path("smtpServer");
        assertThat(Files.readString(RenderedOverlay.ROOT.resolve("notifications/src/main/resources/META-INF/microprofile-config.properties")))
                .contains("shopstream.mail.from=" + smtp.path("fromDisplayName").asText() + " <" + smtp.path("from").asText() + ">");
    }

    /** An env value as the container sees it: from a ConfigMap key, with $(NAME) of earlier variables expanded. */
    private static String expanded(RenderedOverlay rendered, Map<String, JsonNode> env, String name) {
        JsonNode variable = env.get(name);
        assertThat(variable).as(name).isNotNull();
        JsonNode fromConfigMap = variable.path("valueFrom").path("configMapKeyRef");
        if (!fromConfigMap.isMissingNode()) {
            return rendered.named("ConfigMap", fromConfigMap.path("name").asText()).path("data")
                    .path(fromConfigMap.path("key").asText()).asText();
        }
        Matcher reference = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)").matcher(variable.path("value").asText());
        StringBuilder value = new StringBuilder();
        List<String> order = List.copyOf(env.keySet());
        while (reference.find()) {
            // Kubernetes expands only variables defined before this one; a later one stays "$(NAME)".
            assertThat(order.indexOf(reference.group(1))).as(reference.group(1) + " before " + name)
                    .isBetween(0, order.indexOf(name) - 1);
            reference.appendReplacement(value, Matcher.quoteReplacement(expanded(rendered, env, reference.group(1))));
        }
        return reference.appendTail(value).toString();
    }

    @Test
    void prodTakesPaymentsThroughStripeWithItsKeysFromASecretAndDevKeepsTheSandbox() throws IOException {
        Path stripe = RenderedOverlay.ROOT.resolve("payments/src/main/java/dev/shopstream/payments/stripe/StripeProvider.java");
        String source = Files.readString(stripe);
        assertThat(source).contains("NAME = \"stripe\"");
        // The settings StripeProvider reads without a default: each must come from the Secret payments-stripe.
        Matcher required = Pattern.compile("@ConfigProperty\\(name = \"([\\w.-]+)\"\\)").matcher(source);
        Set<String> secrets = new TreeSet<>();
        while (required.find()) secrets.add(required.group(1).toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        assertThat(secrets).contains("SHOPSTREAM_PAYMENTS_STRIPE_API_KEY", "SHOPSTREAM_PAYMENTS_STRIPE_WEBHOOK_SECRET");

        Map<String, JsonNode> prod = env(overlays.get("prod"), "payments");
        assertThat(prod.get("SHOPSTREAM_PAYMENTS_PROVIDER").path("value").asText()).isEqualTo("stripe");
        for (String name : secrets) {
            assertThat(prod).as(name).containsKey(name);
            assertThat(prod.get(name).has("value")).as(name).isFalse();
            assertThat(prod.get(name).path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo("payments-stripe");
        }
        assertThat(prod.get("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_ENABLED").path("value").asText()).isEqualTo("false");

        Map<String, JsonNode> dev = env(overlays.get("dev"), "payments");
        assertThat(dev.getOrDefault("SHOPSTREAM_PAYMENTS_PROVIDER", RenderedOverlay.yaml("value: sandbox")).path("value").asText())
                .isEqualTo("sandbox");
        assertThat(dev.keySet()).noneMatch(name -> name.startsWith("SHOPSTREAM_PAYMENTS_STRIPE"));
    }

    /** Only prod's payments leaves the cluster by address, to public IPv4 on 443; nothing opens a private range. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyProdPaymentsReachesThePublicInternetAndOnlyOnHttps(String overlay) {
        List<String> withAddresses = new ArrayList<>();
        for (JsonNode policy : overlays.get(overlay).ofKind("NetworkPolicy")) {
            String pods = policy.path("spec").path("podSelector").path("matchLabels").toString();
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    if (!to.has("ipBlock")) continue;
                    withAddresses.add(pods);
                    assertThat(to.path("ipBlock").path("cidr").asText()).isEqualTo("0.0.0.0/0");
                    assertThat(to.path("ipBlock").path("except").toString()).contains("\"10.0.0.0/8\"",
                            "\"172.16.0.0/12\"", "\"192.168.0.0/16\"", "\"100.64.0.0/10\"", "\"169.254.0.0/16\"",
                            "\"127.0.0.0/8\"");
                    assertThat(rule.path("ports").toString()).isEqualTo("[{\"port\":443,\"protocol\":\"TCP\"}]");
                }
            }
        }
        if (overlay.equals("prod")) {
            assertThat(withAddresses).containsExactly("{\"app.kubernetes.io/instance\":\"payments\"}");
        } else {
            assertThat(withAddresses).isEmpty();
        }
    }

    private static Map<String, JsonNode> env(RenderedOverlay rendered, String service) {
        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        rendered.named("OpenLibertyApplication", service).path("spec").path("env")
                .forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreOnlyReferenced(String overlay) {
        RenderedOverlay rendered = overlays.get(overlay);
        assertThat(rendered.ofKind("Secret")).isEmpty();
        for (JsonNode application : rendered.ofKind("OpenLibertyApplication")) {
            for (JsonNode env : application.path("spec").path("env")) {
                if (env.path("name").asText().matches(".*(SECRET|PASSWORD|TOKEN).*|.*_KEY")) {
                    assertThat(env.has("value")).as(env.toString()).isFalse();
                }
            }
        }
    }

    @Test
    void everyLocalDefaultAServiceReadsIsOverriddenInTheCluster() throws IOException {
        RenderedOverlay prod = overlays.get("prod");
        Set<String> fromConfigMap = new TreeSet<>();
        prod.named("ConfigMap", "shopstream-platform").path("data").fieldNames().forEachRemaining(fromConfigMap::add);
        Pattern localDefault = Pattern.compile("(?m)^([\\w.-]+)=.*(localhost|local_demo|local-demo).*$");
        Pattern localVariable = Pattern.compile("<variable name=\"([\\w.]+)\" defaultValue=\"[^\"]*(localhost|shopstream)\"");
        for (String service : SERVICES) {
            Set<String> provided = new TreeSet<>(fromConfigMap);
            prod.named("OpenLibertyApplication", service).path("spec").path("env").forEach(e -> provided.add(e.path("name").asText()));
            Set<String> required = new TreeSet<>(Set.of("DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "HTTP_PORT"));
            Matcher m = localDefault.matcher(Files.readString(RenderedOverlay.ROOT.resolve(service + "/src/main/resources/META-INF/microprofile-config.properties")));
            while (m.find()) required.add(m.group(1).toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            try (var fragments = Files.list(RenderedOverlay.ROOT.resolve("liberty-config/src/main/resources/shared/config"))) {
                for (Path fragment : fragments.toList()) {
                    Matcher v = localVariable.matcher(Files.readString(fragment));
                    while (v.find()) required.add(v.group(1).toUpperCase().replaceAll("[^A-Z0-9]", "_"));
                }
            }
            if (service.equals("auth")) required.add("SHOPSTREAM_KEYCLOAK_CLIENT_SECRET");
            assertThat(provided).as(service).containsAll(required);
        }
    }

    @Test
    void prodIsHighlyAvailable() {
        RenderedOverlay prod = overlays.get("prod");
        assertThat(prod.named("KafkaNodePool", "broker").path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(prod.named("Kafka", "shopstream").path("spec").path("kafka").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        prod.ofKind("KafkaTopic").forEach(t -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(3));
        assertThat(prod.named("Keycloak", "shopstream-keycloak").path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(prod.named("PodDisruptionBudget", "keycloak").path("spec").path("minAvailable").asInt()).isEqualTo(2);
        assertThat(prod.named("Cluster", "keycloak-db").path("spec").path("instances").asInt()).isEqualTo(3);
        prod.named("ScheduledBackup", "keycloak-db-daily");
        for (String service : SERVICES) {
            JsonNode database = prod.named("Cluster", service + "-db").path("spec");
            assertThat(database.path("instances").asInt()).isEqualTo(3);
            assertThat(database.path("backup").path("barmanObjectStore").path("s3Credentials").path("secretAccessKey").path("name").asText()).isNotEmpty();
            prod.named("ScheduledBackup", service + "-db-daily");
            assertThat(prod.named("PodDisruptionBudget", service).path("spec").path("minAvailable").asInt()).isEqualTo(2);
            JsonNode application = prod.named("OpenLibertyApplication", service).path("spec");
            assertThat(application.path("autoscaling").path("minReplicas").asInt()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void devRunsOneOfEverything() {
        RenderedOverlay dev = overlays.get("dev");
        assertThat(dev.named("KafkaNodePool", "broker").path("spec").path("replicas").asInt()).isEqualTo(1);
        dev.ofKind("OpenLibertyApplication").forEach(a -> assertThat(a.path("spec").path("replicas").asInt()).isEqualTo(1));
        dev.ofKind("Cluster").forEach(c -> assertThat(c.path("spec").path("instances").asInt()).isEqualTo(1));
        assertThat(dev.named("Keycloak", "shopstream-keycloak").path("spec").path("instances").asInt()).isEqualTo(1);
    }

    /** OpenJ9 options the images may use: with -XX:+IgnoreUnrecognizedVMOptions set, a misspelt one is silently lost. */
    static final Pattern OPENJ9_OPTION = Pattern.compile("-Xms\\d+m|-Xmx\\d+m|-Xmn[sx]?\\d+m|-Xminf0\\.\\d+|-Xmaxf0\\.\\d+"
            + "|-XX:MaxDirectMemorySize=\\d+m|-XX:\\+ExitOnOutOfMemoryError|-XX:IdleTuningMinIdleWaitTime=\\d+");

    @Test
    void theImagesJvmOptionsAreOpenJ9sWithTheHeapsOfTheHotSpotOnesInHalfTheMemoryLimit() throws IOException {
        Path sharedOptions = RenderedOverlay.ROOT.resolve("liberty-config/src/main/resources/shared");
        List<String> sharedOpenJ9 = options(sharedOptions.resolve("openj9/jvm.options"));
        assertThat(sharedOpenJ9).allMatch(o -> OPENJ9_OPTION.matcher(o).matches());
        List<String> sharedHotSpot = options(sharedOptions.resolve("jvm.options"));
        for (String heap : List.of("-Xms", "-Xmx")) {
            assertThat(last(sharedOpenJ9, heap)).as(heap).isEqualTo(last(sharedHotSpot, heap));
        }
        for (String service : SERVICES) {
            List<String> openJ9 = new ArrayList<>(sharedOpenJ9);
            Path hotSpot = RenderedOverlay.ROOT.resolve(service + "/src/main/liberty/config/jvm.options");
            if (Files.exists(hotSpot)) {
                List<String> own = options(RenderedOverlay.ROOT.resolve(service + "/src/main/liberty/openj9/jvm.options"));
                assertThat(own).as(service).allMatch(o -> OPENJ9_OPTION.matcher(o).matches());
                openJ9.addAll(own);
                assertThat(last(own, "-Xmx")).as(service).isEqualTo(last(options(hotSpot), "-Xmx"));
            }
            // OpenJ9 does not start when -Xmn is given with -Xmns or -Xmnx.
            assertThat(openJ9.stream().anyMatch(o -> o.matches("-Xmn\\d+m"))
                    && openJ9.stream().anyMatch(o -> o.matches("-Xmn[sx]\\d+m"))).as(service + ": -Xmn with -Xmns/-Xmnx").isFalse();
            long heapMiB = Long.parseLong(last(openJ9, "-Xmx").replaceAll("\\D", ""));
            for (String overlay : overlays.keySet()) {
                String limit = overlays.get(overlay).named("OpenLibertyApplication", service).path("spec").path("resources")
                        .path("limits").path("memory").asText();
                assertThat(limit).as(overlay + " " + service).endsWith("Mi");
                assertThat(heapMiB * 2).as(overlay + " " + service + " heap against limit " + limit)
                        .isLessThanOrEqualTo(Long.parseLong(limit.replace("Mi", "")));
            }
        }
    }

    private static List<String> options(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The value of the last option with this prefix (later options win). */
    private static String last(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix) && o.substring(prefix.length()).matches("\\d+m"))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no " + prefix));
    }

    @Test
    void everyContainerfileBuildsARestrictedKernelSlimImage() throws IOException {
        for (String service : SERVICES) {
            Path dir = RenderedOverlay.ROOT.resolve(service);
            List<String> lines = Files.readAllLines(dir.resolve("Containerfile")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(lines.get(0)).matches("FROM icr\\.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi(-minimal)?");
            int features = lines.indexOf("RUN features.sh");
            int war = lines.indexOf("COPY --chown=1001:0 target/" + service + ".war /config/apps/" + service + ".war");
            int configure = lines.indexOf("RUN configure.sh");
            assertThat(features).as(service).isPositive();
            assertThat(war).as(service).isGreaterThan(features);
            assertThat(configure).as(service).isGreaterThan(war);
            assertThat(lines.subList(0, features)).contains("COPY --chown=1001:0 src/main/liberty/config/server.xml /config/server.xml",
                    "COPY --chown=1001:0 target/liberty-usr/shared/ /opt/ol/wlp/usr/shared/");
            // The image's JVM is OpenJ9: its options replace the HotSpot ones, after the shared files are copied.
            int shared = lines.indexOf("COPY --chown=1001:0 target/liberty-usr/shared/ /opt/ol/wlp/usr/shared/");
            assertThat(lines.indexOf("COPY --chown=1001:0 target/liberty-usr/shared/openj9/jvm.options /opt/ol/wlp/usr/shared/jvm.options"))
                    .as(service).isGreaterThan(shared).isLessThan(features);
            assertThat(lines).as(service).noneMatch(l -> l.contains("src/main/liberty/config/jvm.options"));
            if (Files.exists(dir.resolve("src/main/liberty/config/jvm.options"))) {
                assertThat(lines.subList(0, features)).as(service)
                        .contains("COPY --chown=1001:0 src/main/liberty/openj9/jvm.options /config/jvm.options");
                assertThat(Files.readString(dir.resolve(".dockerignore"))).contains("!src/main/liberty/openj9/");
            }
            assertThat(lines).noneMatch(l -> l.matches("USER\\s+(0|root).*")).last().isEqualTo("EXPOSE 9080");
            assertThat(lines).filteredOn(l -> l.startsWith("COPY")).allMatch(l -> l.contains("--chown=1001:0"));
            // What the repository provides must be there (the build makes target/); a missing file fails the image.
            lines.stream().filter(l -> l.startsWith("COPY")).map(l -> l.split("\\s+")[2])
                    .filter(source -> source.startsWith("src/"))
                    .forEach(source -> assertThat(dir.resolve(source)).as(service).exists());
            assertThat(Files.readString(dir.resolve(".dockerignore"))).contains("!target/*.war", "!src/main/liberty/config/");
        }
    }
}
