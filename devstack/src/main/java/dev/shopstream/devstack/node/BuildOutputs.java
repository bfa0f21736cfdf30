package dev.shopstream.devstack.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the devstack build wrote beside its classes (see the dependency plugin in devstack/pom.xml). */
final class BuildOutputs {

    private BuildOutputs() {
    }

    /** The Kafka broker's classpath: jars in the local Maven repository. */
    static String kafkaBrokerClasspath() {
        return read("devstack/kafka-broker.classpath");
    }

    /** The Keycloak distribution zip in the local Maven repository. */
    static Path keycloakDistribution() {
        Path zip = Path.of(read("devstack/keycloak-distribution.path"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution " + zip + " is missing; rebuild devstack: ./mvnw -pl devstack install");
        }
        return zip;
    }

    private static String read(String resource) {
        try (InputStream content = BuildOutputs.class.getClassLoader().getResourceAsStream(resource)) {
            if (content == null) {
                throw new IllegalStateException(resource + " is not on the classpath; build devstack: ./mvnw -pl devstack install");
            }
            return new String(content.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
