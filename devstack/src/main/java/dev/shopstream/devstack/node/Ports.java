package dev.shopstream.devstack.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Finds and checks TCP ports on this machine. */
public final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private Ports() {
    }

    /** An ephemeral port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Found no free ephemeral port", e);
        }
    }

    /** Fails with a message that names the port and the setting that chooses it. */
    public static void requireFree(int port, String setting) {
        if (!isFree(port)) {
            throw new IllegalStateException(
                    "Port %d is already in use; set %s to another port".formatted(port, setting));
        }
    }

    static boolean isFree(int port) {
        // Binding the wildcard address collides with a listener on any local address, IPv4 or IPv6.
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.isBound();
        } catch (IOException bindFailed) {
            return false;
        }
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
