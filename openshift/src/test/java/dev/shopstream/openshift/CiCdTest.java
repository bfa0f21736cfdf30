package dev.shopstream.openshift;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the CI/CD manifests (openshift/cicd: the Tekton pipeline and the Argo CD Applications), checks each object
 * against its schema and the project's rules (docs/openshift.md, "CI/CD").
 */
class CiCdTest {

    private static final String PIPELINE_RUN = "cicd/tekton/pipelinerun.yaml";
    private static final Pattern MAVEN_VERIFY = Pattern.compile("(?m)^\\s*\\./mvnw -B\\b.*\\sverify\\s*$");
    private static final Pattern PUSH = Pattern.compile("(?m)^\\s*buildah\\b.*\\spush\\s");
    private static final Pattern DEPLOY_DEV = Pattern.compile("(?m)^\\s*(oc|kubectl) apply -k openshift/overlays/dev\\s*$");
    /** The last path segment's tag: a name, then ':' and a tag (a registry's port is in an earlier segment). */
    private static final Pattern TAGGED = Pattern.compile("[^/:@]+:[\\w][\\w.-]{0,127}");

    static RenderedOverlay tekton;
    static RenderedOverlay argocd;

    @BeforeAll
    static void render() {
        tekton = RenderedOverlay.renderDirectory("cicd/tekton");
        argocd = RenderedOverlay.renderDirectory("cicd/argocd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cicd/tekton", "cicd/argocd"})
    void everyObjectMatchesItsSchema(String directory) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : RenderedOverlay.renderDirectory(directory).objects()) problems.addAll(problemsOf(object));
        assertThat(problems).isEmpty();
    }

    @Test
    void theExamplePipelineRunMatchesItsSchemaAndBindsWhatThePipelineNeeds() throws IOException {
        JsonNode run = RenderedOverlay.yaml(Files.readString(RenderedOverlay.OPENSHIFT.resolve(PIPELINE_RUN)));
        assertThat(problemsOf(run)).isEmpty();
        JsonNode pipeline = tekton.named("Pipeline", run.path("spec").path("pipelineRef").path("name").asText());
        assertThat(run.path("metadata").path("namespace").asText())
                .isEqualTo(pipeline.path("metadata").path("namespace").asText());
        Set<String> given = names(run.path("spec").path("params"));
        pipeline.path("spec").path("params").forEach(p -> {
            if (!p.has("default")) assertThat(given).contains(p.path("name").asText());
        });
        Set<String> bound = names(run.path("spec").path("workspaces"));
        pipeline.path("spec").path("workspaces").forEach(w -> {
            if (!w.path("optional").asBoolean(false)) assertThat(bound).contains(w.path("name").asText());
        });
    }

    @Test
    void theTektonObjectsLiveInTheCiCdNamespaceAndTheApplicationsInOpenShiftGitOps() {
        assertThat(tekton.objects()).isNotEmpty().allSatisfy(o ->
                assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("shopstream-cicd"));
        assertThat(argocd.objects()).isNotEmpty().allSatisfy(o ->
                assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("openshift-gitops"));
    }

    @Test
    void everyStepImageHasAFixedTag() {
        assertThat(tekton.ofKind("Task")).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode task : tekton.ofKind("Task")) problems.addAll(imageProblems(task));
        for (JsonNode pipeline : tekton.ofKind("Pipeline")) {
            for (JsonNode pipelineTask : pipelineTasks(pipeline)) {
                if (pipelineTask.has("taskSpec")) problems.addAll(imageProblems(pipelineTask.path("taskSpec")));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theImageCheckCatchesALatestTagAndAMissingOne() throws IOException {
        JsonNode task = RenderedOverlay.yaml("""
                apiVersion: tekton.dev/v1
                kind: Task
                metadata: {name: broken}
                spec:
                  steps:
                    - {name: latest, image: docker.io/alpine/git:latest}
                    - {name: untagged, image: image-registry.openshift-image-registry.svc:5000/shopstream/tools}
                    - {name: pinned, image: quay.io/openshift/origin-cli:4.15}
                """);
        assertThat(imageProblems(task)).hasSize(2)
                .anyMatch(p -> p.contains("latest") && p.contains("alpine/git"))
                .anyMatch(p -> p.contains("shopstream/tools"));
    }

    @Test
    void thePipelineBuildsEveryServiceAfterMavenVerifyAndThenDeploysDev() {
        JsonNode pipeline = tekton.named("Pipeline", "shopstream");
        Map<String, JsonNode> tasks = new LinkedHashMap<>();
        pipelineTasks(pipeline).forEach(t -> tasks.put(t.path("name").asText(), t));
        List<String> verify = tasks.keySet().stream().filter(t -> runs(tasks.get(t), MAVEN_VERIFY)).toList();
        List<String> pushes = tasks.keySet().stream().filter(t -> runs(tasks.get(t), PUSH)).toList();
        List<String> deploys = tasks.keySet().stream().filter(t -> runs(tasks.get(t), DEPLOY_DEV)).toList();
        assertThat(verify).hasSize(1);
        assertThat(deploys).hasSize(1);
        assertThat(pushes).doesNotContain(verify.get(0));

        // ./mvnw -B verify before any push, every push before the deployment.
        for (String push : pushes) assertThat(runsAfter(push, tasks)).as(push).contains(verify.get(0));
        assertThat(runsAfter(deploys.get(0), tasks)).containsAll(pushes);

        // One image per service, from its folder, named <image-registry>/<service>:<image-tag>.
        Set<String> built = new TreeSet<>();
        for (String push : pushes) {
            Map<String, String> params = params(tasks.get(push));
            String service = params.get("context");
            built.add(service);
            assertThat(params.get("image")).as(push).isEqualTo("$(params.image-registry)/" + service + ":$(params.image-tag)");
            assertThat(RenderedOverlay.ROOT.resolve(service).resolve("Containerfile")).as(push).exists();
        }
        assertThat(built).containsExactlyInAnyOrderElementsOf(OverlaysTest.SERVICES);
        assertThat(pushes).hasSameSizeAs(OverlaysTest.SERVICES);
        for (String push : pushes) {
            assertThat(scripts(task(tasks.get(push)))).anyMatch(s -> s.contains("-f Containerfile"));
        }
    }

    @Test
    void thePipelineTakesTheRepositoryRevisionRegistryAndTagAndDefaultsToTheImagesDevRuns() {
        JsonNode pipeline = tekton.named("Pipeline", "shopstream");
        Map<String, JsonNode> params = new LinkedHashMap<>();
        pipeline.path("spec").path("params").forEach(p -> params.put(p.path("name").asText(), p));
        assertThat(params).containsOnlyKeys("git-url", "git-revision", "image-registry", "image-tag");
        assertThat(params.get("image-registry").path("default").asText())
                .isEqualTo("image-registry.openshift-image-registry.svc:5000/shopstream");
        String tag = params.get("image-tag").path("default").asText();
        assertThat(tag).isNotEmpty().isNotEqualTo("latest");
        RenderedOverlay dev = RenderedOverlay.render("dev");
        for (String service : OverlaysTest.SERVICES) {
            assertThat(dev.named("OpenLibertyApplication", service).path("spec").path("applicationImage").asText())
                    .isEqualTo(params.get("image-registry").path("default").asText() + "/" + service + ":" + tag);
        }
        assertThat(RenderedOverlay.OPENSHIFT.resolve("overlays/dev/kustomization.yaml")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachApplicationSyncsItsOverlayIntoShopstream(String overlay) {
        JsonNode spec = argocd.named("Application", "shopstream-" + overlay).path("spec");
        assertThat(spec.path("source").path("path").asText()).isEqualTo("openshift/overlays/" + overlay);
        assertThat(RenderedOverlay.OPENSHIFT.resolve("overlays").resolve(overlay).resolve("kustomization.yaml")).exists();
        assertThat(spec.path("source").path("repoURL").asText()).isNotEmpty();
        assertThat(spec.path("destination").path("namespace").asText()).isEqualTo("shopstream");
        List<String> options = new ArrayList<>();
        spec.path("syncPolicy").path("syncOptions").forEach(o -> options.add(o.asText()));
        assertThat(options).contains("CreateNamespace=false", "ServerSideApply=true");
        JsonNode automated = spec.path("syncPolicy").path("automated");
        if (overlay.equals("dev")) {
            assertThat(automated.path("prune").asBoolean(false)).isTrue();
            assertThat(automated.path("selfHeal").asBoolean(false)).isTrue();
            assertThat(automated.path("enabled").asBoolean(true)).isTrue();
        } else {
            assertThat(automated.isMissingNode()).as("prod is synced by hand").isTrue();
        }
    }

    @Test
    void thereIsOneApplicationPerOverlay() throws IOException {
        Set<String> overlays = new TreeSet<>();
        try (var dirs = Files.list(RenderedOverlay.OPENSHIFT.resolve("overlays"))) {
            dirs.forEach(d -> overlays.add("openshift/overlays/" + d.getFileName()));
        }
        Set<String> paths = new TreeSet<>();
        argocd.ofKind("Application").forEach(a -> paths.add(a.path("spec").path("source").path("path").asText()));
        assertThat(paths).isEqualTo(overlays).hasSize(argocd.ofKind("Application").size());
    }

    /** Every step's, sidecar's and the step template's image that has no fixed tag (none, latest, or a parameter). */
    static List<String> imageProblems(JsonNode task) {
        String name = task.path("metadata").path("name").asText("(inline)");
        JsonNode spec = task.has("spec") ? task.path("spec") : task;
        List<JsonNode> containers = new ArrayList<>();
        spec.path("steps").forEach(containers::add);
        spec.path("sidecars").forEach(containers::add);
        if (spec.path("stepTemplate").has("image")) containers.add(spec.path("stepTemplate"));
        List<String> problems = new ArrayList<>();
        for (JsonNode container : containers) {
            String image = container.path("image").asText();
            String last = image.substring(image.lastIndexOf('/') + 1);
            boolean digest = image.matches(".+@sha256:[0-9a-f]{64}");
            if (!digest && (!TAGGED.matcher(last).matches() || last.endsWith(":latest"))) {
                problems.add(name + "/" + container.path("name").asText() + ": " + image + " has no fixed tag");
            }
        }
        return problems;
    }

    private static List<String> problemsOf(JsonNode object) {
        List<String> problems = new ArrayList<>();
        SchemaCheck.problems(object).forEach(p -> problems.add(object.path("kind").asText() + " "
                + object.path("metadata").path("name").asText() + ": " + p));
        return problems;
    }

    private static List<JsonNode> pipelineTasks(JsonNode pipeline) {
        List<JsonNode> tasks = new ArrayList<>();
        pipeline.path("spec").path("tasks").forEach(tasks::add);
        pipeline.path("spec").path("finally").forEach(tasks::add);
        return tasks;
    }

    /** The Task a pipeline task runs: its own taskSpec, or the Task of this directory its taskRef names. */
    private static JsonNode task(JsonNode pipelineTask) {
        if (pipelineTask.has("taskSpec")) return pipelineTask.path("taskSpec");
        assertThat(pipelineTask.path("taskRef").path("kind").asText("Task")).isEqualTo("Task");
        assertThat(pipelineTask.path("taskRef").has("resolver")).as("a Task of the repository, not a catalog's").isFalse();
        return tekton.named("Task", pipelineTask.path("taskRef").path("name").asText()).path("spec");
    }

    private static List<String> scripts(JsonNode taskSpec) {
        List<String> scripts = new ArrayList<>();
        taskSpec.path("steps").forEach(s -> {
            scripts.add(s.path("script").asText());
            List<String> line = new ArrayList<>();
            s.path("command").forEach(c -> line.add(c.asText()));
            s.path("args").forEach(a -> line.add(a.asText()));
            scripts.add(String.join(" ", line));
        });
        return scripts;
    }

    private static boolean runs(JsonNode pipelineTask, Pattern command) {
        return scripts(task(pipelineTask)).stream().anyMatch(s -> command.matcher(s).find());
    }

    /** Every pipeline task that finishes before this one: its runAfter, transitively. */
    private static Set<String> runsAfter(String name, Map<String, JsonNode> tasks) {
        Set<String> before = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(name));
        while (!next.isEmpty()) {
            tasks.get(next.pop()).path("runAfter").forEach(r -> {
                if (before.add(r.asText())) next.push(r.asText());
            });
        }
        return before;
    }

    private static Map<String, String> params(JsonNode pipelineTask) {
        Map<String, String> params = new LinkedHashMap<>();
        pipelineTask.path("params").forEach(p -> params.put(p.path("name").asText(), p.path("value").asText()));
        return params;
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new TreeSet<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }
}
