package dev.shopstream.devstack.node;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An external process of the local platform, its output appended to a log file. */
final class ChildProcess {

    // Its own session keeps Ctrl-C in the terminal away from the child, so the launcher can stop everything in order.
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final File NO_INPUT = new File("/dev/null");

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logFile) {
        List<String> detachedCommand = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            detachedCommand.add(SETSID.toString());
        }
        detachedCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detachedCommand)
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        LocalFiles.createDirectories(logFile.getParent());
        try {
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StartupFailure(name, "could not be launched (" + command.get(0) + "): " + e.getMessage(), logFile, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    /** Waits for a short-lived command to finish by itself; on timeout it is killed and this fails. */
    int awaitExit(Duration timeout) {
        if (!awaitExitUninterruptibly(timeout)) {
            killTree();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + logFile);
        }
        return process.exitValue();
    }

    /** Asks the process to shut down (SIGTERM) and kills it with everything it started if it takes too long. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        awaitExitOrKill(grace);
    }

    /** For processes that were asked to stop some other way, such as Liberty's {@code server stop}. */
    void awaitExitOrKill(Duration grace) {
        if (!awaitExitUninterruptibly(grace)) {
            killTree();
        }
    }

    /** Kills the process and its descendants at once (SIGKILL), as a crash would end them. */
    void kill() {
        killTree();
    }

    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!awaitExitUninterruptibly(Duration.ofSeconds(10))) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    // Stopping must finish even while the launcher is being interrupted by Ctrl-C, or the child would be orphaned.
    private boolean awaitExitUninterruptibly(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
