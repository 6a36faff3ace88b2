package dev.corsfilter.model;

import java.io.IOException;

/**
 * Where the model browser's requests go: a real server over loopback HTTP, the filter called in-process,
 * or canned responses in unit tests.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Sends one request and returns the response; never follows redirects, never adds cookies.
     *
     * @param request the request
     * @return the response
     * @throws IOException when no response could be obtained, which the browser reports as a network error
     */
    WireResponse send(WireRequest request) throws IOException;
}
