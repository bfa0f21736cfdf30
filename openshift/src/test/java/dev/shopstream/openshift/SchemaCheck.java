package dev.shopstream.openshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates a rendered object against the schema vendored for its kind (src/test/resources/schemas), and refuses
 * fields a schema does not declare even where the schema itself allows them (CRD schemas rarely say
 * additionalProperties: false; the API server would prune such a field silently).
 */
final class SchemaCheck {

    private static final Map<String, String> SCHEMA_BY_KIND = Map.ofEntries(
            Map.entry("v1/ConfigMap", "configmap-v1.json"),
            Map.entry("v1/Secret", "secret-v1.json"),
            Map.entry("v1/Service", "service-v1.json"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "networkpolicy-networking-v1.json"),
            Map.entry("policy/v1/PodDisruptionBudget", "poddisruptionbudget-policy-v1.json"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2.json"),
            Map.entry("apps.openliberty.io/v1/OpenLibertyApplication", "openlibertyapplication_v1.json"),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", "kafka_v1beta2.json"),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", "kafkanodepool_v1beta2.json"),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", "kafkatopic_v1beta2.json"),
            Map.entry("postgresql.cnpg.io/v1/Cluster", "cluster_v1.json"),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", "scheduledbackup_v1.json"),
            Map.entry("k8s.keycloak.org/v2beta1/Keycloak", "keycloak_v2beta1.json"),
            Map.entry("k8s.keycloak.org/v2beta1/KeycloakRealmImport", "keycloakrealmimport_v2beta1.json"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", "servicemonitor_v1.json"),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", "podmonitor_v1.json"),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", "prometheusrule_v1.json"),
            Map.entry("route.openshift.io/v1/Route", "route_route.openshift.io_v1.json"),
            Map.entry("tekton.dev/v1/Pipeline", "pipeline_v1.json"),
            Map.entry("tekton.dev/v1/Task", "task_v1.json"),
            Map.entry("tekton.dev/v1/PipelineRun", "pipelinerun_v1.json"),
            Map.entry("argoproj.io/v1alpha1/Application", "application_v1alpha1.json"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> RAW = new HashMap<>();
    private static final Map<String, JsonSchema> COMPILED = new HashMap<>();

    private SchemaCheck() {
    }

    /** The problems found in one object; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String file = SCHEMA_BY_KIND.get(key);
        if (file == null) return List.of(key + ": no schema vendored for this kind");
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : compiled(file).validate(object)) problems.add(message.getMessage());
        undeclaredFields(raw(file), object, "$", problems);
        return problems;
    }

    private static void undeclaredFields(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (value.isObject() && schema.has("properties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                && !schema.path("additionalProperties").isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode declared = schema.path("properties").get(field.getKey());
                if (declared == null) {
                    problems.add(at + "." + field.getKey() + ": not a field of this kind");
                } else {
                    undeclaredFields(declared, field.getValue(), at + "." + field.getKey(), problems);
                }
            }
        } else if (value.isArray() && schema.has("items") && schema.get("items").isObject()) {
            for (int i = 0; i < value.size(); i++) undeclaredFields(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
        }
    }

    private static synchronized JsonNode raw(String file) {
        return RAW.computeIfAbsent(file, name -> {
            try (InputStream in = SchemaCheck.class.getResourceAsStream("/schemas/" + name)) {
                ObjectNode schema = (ObjectNode) JSON.readTree(in);
                schema.remove("$schema");
                return schema;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static synchronized JsonSchema compiled(String file) {
        return COMPILED.computeIfAbsent(file,
                name -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(raw(name)));
    }
}
