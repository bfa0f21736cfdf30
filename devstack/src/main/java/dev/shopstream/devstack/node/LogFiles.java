package dev.shopstream.devstack.node;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the end of the log files the local platform's processes write. */
final class LogFiles {

    // Enough for 60 long lines; avoids reading a Keycloak log of many megabytes.
    private static final int TAIL_BYTES = 64 * 1024;

    private LogFiles() {
    }

    static String lastLines(Path logFile, int count) {
        if (!Files.isReadable(logFile)) {
            return "(no log written yet)";
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            List<String> lines = Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
