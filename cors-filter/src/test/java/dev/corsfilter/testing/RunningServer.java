package dev.corsfilter.testing;

/** A container started by {@link ServletEngine}; closing it stops the server and frees its port. */
public interface RunningServer extends AutoCloseable {

    /**
     * The port the server listens on, on 127.0.0.1.
     *
     * @return the port
     */
    int port();

    /** Stops the server. */
    @Override
    void close();
}
