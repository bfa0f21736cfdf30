package dev.shopstream.devstack;

/** A setting (environment variable) that chooses a TCP port, and the port used when it is not set. */
record PortSetting(String name, int defaultPort) {
}
