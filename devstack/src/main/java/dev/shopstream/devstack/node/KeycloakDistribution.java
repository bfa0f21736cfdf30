package dev.shopstream.devstack.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The Keycloak server distribution zip, unpacked once per version. */
final class KeycloakDistribution {

    private static final String UNPACKED_MARKER = ".devstack-unpacked";

    private KeycloakDistribution() {
    }

    /** Returns the Keycloak home (e.g. {@code keycloak-26.4.5}) under {@code directory}, unpacking it if needed. */
    static Path unpackOnce(Path zip, Path directory) {
        try (ZipFile distribution = new ZipFile(zip.toFile())) {
            Path home = directory.resolve(topDirectoryName(distribution)).normalize();
            if (Files.exists(home.resolve(UNPACKED_MARKER))) {
                return home;
            }
            // A home without the marker is what an interrupted unpack left behind.
            LocalFiles.deleteRecursively(home);
            unpack(distribution, directory);
            try (var scripts = Files.newDirectoryStream(home.resolve("bin"), "*.sh")) {
                scripts.forEach(script -> script.toFile().setExecutable(true));
            }
            Files.createFile(home.resolve(UNPACKED_MARKER));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack Keycloak from " + zip + " into " + directory, e);
        }
    }

    private static String topDirectoryName(ZipFile distribution) {
        String first = distribution.entries().nextElement().getName();
        return first.substring(0, first.indexOf('/'));
    }

    private static void unpack(ZipFile distribution, Path directory) throws IOException {
        Enumeration<? extends ZipEntry> entries = distribution.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Path target = directory.resolve(entry.getName()).normalize();
            if (!target.startsWith(directory.normalize())) {
                throw new IOException("Zip entry points outside the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                try (InputStream content = distribution.getInputStream(entry)) {
                    Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
