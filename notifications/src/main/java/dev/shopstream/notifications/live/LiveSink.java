package dev.shopstream.notifications.live;

/**
 * The client's end of a live stream (Server-Sent Events, in the api layer). Each call returns once the client took
 * what was sent; one that fails, or that the client does not take in time, closes the sink and returns false.
 */
public interface LiveSink {

    /** The stream's first line, a comment, so the client sees the stream open at once. */
    boolean opened();

    boolean send(LiveEvent event);

    /** A comment line, e.g. a heartbeat. */
    boolean comment(String text);

    boolean isClosed();

    void close();
}
