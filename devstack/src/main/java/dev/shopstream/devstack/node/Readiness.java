package dev.shopstream.devstack.node;

import java.time.Duration;

/** Waits until a starting process answers; fails as soon as it dies, and after a timeout. */
final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    /** One readiness check; false, or an exception, means "not yet". */
    @FunctionalInterface
    interface Probe {
        boolean answers() throws InterruptedException;
    }

    private Readiness() {
    }

    static void await(String component, ChildProcess process, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!probe.answers()) {
                if (!process.isAlive()) {
                    throw new StartupFailure(component,
                            "exited with code " + process.exitValue() + " before it was ready", process.logFile());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new StartupFailure(component,
                            "was not ready within " + timeout.toSeconds() + " s", process.logFile());
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure(component, "start was interrupted", process.logFile(), e);
        }
    }
}
