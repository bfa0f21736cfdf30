package dev.shopstream.devstack.node;

import java.nio.file.Path;
import java.util.Optional;

/** A component of the local platform did not become ready; the message ends with the last lines of its log. */
public final class StartupFailure extends RuntimeException {

    private static final int LOG_LINES_SHOWN = 60;

    private final String component;
    private final transient Path logFile;

    public StartupFailure(String component, String reason, Path logFile) {
        this(component, reason, logFile, null);
    }

    public StartupFailure(String component, String reason, Path logFile, Throwable cause) {
        super(describe(component, reason, logFile), cause);
        this.component = component;
        this.logFile = logFile;
    }

    public String component() {
        return component;
    }

    /** Empty for components that run inside this JVM and keep no log file of their own. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    private static String describe(String component, String reason, Path logFile) {
        if (logFile == null) {
            return component + " " + reason;
        }
        return "%s %s%nLast lines of %s:%n%s".formatted(
                component, reason, logFile, LogFiles.lastLines(logFile, LOG_LINES_SHOWN));
    }
}
