package dev.shopstream.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A service's REST contract as integrators see it: the OpenAPI document the server serves, linted with Spectral's
 * OpenAPI rules and the OWASP API Security ruleset (testkit/src/api-lint; testkit's build installs them with a
 * Node.js it fetches from the npm registry), and compared with the copy committed in {@code docs/api/<service>.yaml},
 * from which the clients are generated. A changed document fails until the copy is updated in the same commit; the
 * failure says whether the change breaks clients. {@code -Dapi.update=true} writes the served document over the copy.
 */
public final class ApiContract {

    /** The Keycloak address the committed copies name: the local platform's (tests run Keycloak on a free port). */
    private static final String COMMITTED_KEYCLOAK = "http://localhost:8180/realms/shopstream";

    private static final Path ROOT = Path.of(System.getProperty("shopstream.root", "."));
    private static final Path LINTER = ROOT.resolve("testkit/target/api-lint");
    private static final Path NODE = ROOT.resolve("target/nodejs/node/bin/node");

    private final String service;
    private final String served;

    private ApiContract(String service, String served) {
        this.service = service;
        this.served = served;
    }

    /** The document the platform's server serves at /openapi, naming the local Keycloak instead of the test's. */
    public static ApiContract served(String service, ServicePlatform platform) {
        HttpResponse<String> response = new Api(platform.baseUri()).get("/openapi", null);
        assertThat(response.statusCode()).as("GET /openapi").isEqualTo(200);
        return new ApiContract(service, response.body().replace(platform.trustedIssuer(), COMMITTED_KEYCLOAK));
    }

    /** Lints the document; any error fails, with every finding listed. The report is kept in target/openapi. */
    public void assertLintPasses() throws IOException, InterruptedException {
        Path directory = Files.createDirectories(Path.of("target/openapi"));
        // Beside the ruleset: Spectral matches its per-operation exceptions against paths below the ruleset's folder.
        Path document = Files.writeString(Files.createDirectories(LINTER.resolve("served"))
                .resolve(service + ".yaml"), served);
        Path report = directory.resolve(service + "-lint.json");
        Path spectral = LINTER.resolve("node_modules/@stoplight/spectral-cli/dist/index.js");
        assertThat(spectral).as("Spectral, installed by testkit's build").exists();
        Process lint = new ProcessBuilder(NODE.toString(), spectral.toString(), "lint", "--ruleset",
                LINTER.resolve("spectral.yaml").toString(), "--format", "json", "--output", report.toString(),
                "--fail-severity", "error", document.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve(service + "-lint.log").toFile()).start();
        assertThat(lint.waitFor(3, TimeUnit.MINUTES)).as("Spectral finished").isTrue();
        JsonArray findings;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(report))) {
            findings = reader.readArray();
        }
        Map<String, Integer> counts = new TreeMap<>();
        StringWriter errors = new StringWriter();
        for (JsonObject finding : findings.getValuesAs(JsonObject.class)) {
            String severity = List.of("error", "warning", "info", "hint").get(finding.getInt("severity"));
            counts.merge(severity + " " + finding.getString("code"), 1, Integer::sum);
            if (severity.equals("error")) {
                errors.append(finding.getString("code")).append(" at ")
                        .append(finding.getJsonArray("path").toString()).append(": ")
                        .append(finding.getString("message")).append('\n');
            }
        }
        Files.writeString(directory.resolve(service + "-lint.txt"), counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).reduce("", (a, b) -> a + b + "\n"));
        assertThat(errors.toString()).as("Spectral errors in " + service + "'s document (report: " + report + ")")
                .isEmpty();
    }

    /** Compares the document with docs/api/&lt;service&gt;.yaml, or writes it there with -Dapi.update=true. */
    public void assertMatchesCommittedCopy() throws IOException {
        Path copy = ROOT.resolve("docs/api/" + service + ".yaml");
        if (Boolean.getBoolean("api.update")) {
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, served);
            return;
        }
        assertThat(copy).as("the committed copy of " + service + "'s document").exists();
        String committed = Files.readString(copy);
        if (committed.equals(served)) {
            return;
        }
        ChangedOpenApi changes = OpenApiCompare.fromContents(committed, served);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(report, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(changes, writer);
        }
        fail("%s's served document differs from %s (%s). Update the copy in the same commit (run this test with "
                        + "-Dapi.update=true), and for a breaking change follow docs/api-versioning.md.%n%s",
                service, copy, changes.isIncompatible() ? "a BREAKING change for existing clients"
                        : changes.isUnchanged() ? "wording, examples or order only" : "a compatible change",
                report.toString(StandardCharsets.UTF_8));
    }
}
