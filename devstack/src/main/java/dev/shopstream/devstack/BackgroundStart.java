package dev.shopstream.devstack;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Starts one slow component on its own thread while the launcher starts the others. */
final class BackgroundStart<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;

    BackgroundStart(String component, Supplier<T> start) {
        thread = new Thread(() -> {
            try {
                result.complete(start.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "start-" + component);
        thread.start();
    }

    /** The started component; rethrows the failure of its start. */
    T await() throws InterruptedException {
        thread.join();
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /**
     * Interrupts the start (the component's readiness wait then stops its process) and waits for the thread to end.
     * Returns the component if it had finished starting anyway, so that it can be stopped like the others.
     */
    Optional<T> abandon() {
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result.isCompletedExceptionally() ? Optional.empty() : Optional.of(result.join());
    }
}
