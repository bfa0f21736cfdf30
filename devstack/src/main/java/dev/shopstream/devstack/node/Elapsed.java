package dev.shopstream.devstack.node;

/** How long a step of the platform's start or stop took, as the console shows it. */
public final class Elapsed {

    private Elapsed() {
    }

    public static String since(long beganNanos) {
        return "%5.1f s".formatted((System.nanoTime() - beganNanos) / 1e9);
    }
}
