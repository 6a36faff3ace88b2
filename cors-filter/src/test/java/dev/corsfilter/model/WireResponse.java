package dev.corsfilter.model;

/**
 * A response as a transport received it, before the browser filters anything.
 *
 * @param status the status code
 * @param headers every header, names as received
 * @param body the body as text, empty when there is none
 */
public record WireResponse(int status, HeaderList headers, String body) {

    /**
     * A response without a body.
     *
     * @param status the status
     * @param namesAndValues alternating header names and values
     * @return the response
     */
    public static WireResponse of(int status, String... namesAndValues) {
        return new WireResponse(status, HeaderList.of(namesAndValues), "");
    }
}
