package dev.corsfilter.model;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends the model browser's requests to a real server over loopback HTTP/1.1 with {@link HttpClient}:
 * no redirects followed, no cookie handler (the model decides about cookies), and every header the
 * model set, so the server sees what a browser would send. Refuses anything but loopback addresses, so a
 * test can never reach the network. Closing is not needed; the client holds no server.
 */
public final class HttpClientTransport implements Transport {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    @Override
    public WireResponse send(WireRequest request) throws IOException {
        requireLoopback(request.url());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url())
                .timeout(TIMEOUT)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        for (HeaderList.Header header : request.headers().all()) {
            builder.header(header.name(), header.value());
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        HeaderList headers = HeaderList.empty();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                headers = headers.with(header.getKey().toLowerCase(Locale.ROOT), value);
            }
        }
        return new WireResponse(response.statusCode(), headers, response.body() == null ? "" : response.body());
    }

    private static void requireLoopback(URI url) throws IOException {
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost().replace("[", "").replace("]", ""))) {
                if (!address.isLoopbackAddress()) {
                    throw new IOException("the model's HTTP transport only talks to loopback, not " + url);
                }
            }
        } catch (UnknownHostException e) {
            throw new IOException("unknown host in " + url, e);
        }
    }
}
