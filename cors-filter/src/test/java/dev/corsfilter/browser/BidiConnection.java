package dev.corsfilter.browser;

import org.openqa.selenium.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) reduced to what the browser tests use: send
 * a command, wait a bounded time for its result, and keep the events the session subscribed to. Messages
 * are JSON over one WebSocket; each command carries an id its answer repeats.
 */
final class BidiConnection implements AutoCloseable {

    private static final Json JSON = new Json();

    private final WebSocket socket;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending;
    private final List<Map<String, Object>> events;
    private final AtomicLong ids = new AtomicLong();

    private BidiConnection(WebSocket socket, Map<Long, CompletableFuture<Map<String, Object>>> pending,
                           List<Map<String, Object>> events) {
        this.socket = socket;
        this.pending = pending;
        this.events = events;
    }

    /**
     * Connects to a BiDi endpoint.
     *
     * @param endpoint e.g. {@code ws://127.0.0.1:40111/session}
     * @param timeout how long connecting may take
     * @return the open connection
     */
    static BidiConnection open(URI endpoint, Duration timeout) {
        Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
        List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        Receiver receiver = new Receiver(pending, events);
        WebSocket socket = await(HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder()
                .connectTimeout(timeout).buildAsync(endpoint, receiver), timeout, "connecting to " + endpoint);
        return new BidiConnection(socket, pending, events);
    }

    /**
     * Sends a command and waits for its result.
     *
     * @param method e.g. {@code browsingContext.navigate}
     * @param params its parameters
     * @param timeout how long the answer may take
     * @return the command's result
     * @throws IllegalStateException when the browser answers with an error, or not in time
     */
    Map<String, Object> send(String method, Map<String, Object> params, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            String message = JSON.toJson(Map.of("id", id, "method", method, "params", params));
            await(socket.sendText(message, true), timeout, "sending " + method);
            Map<String, Object> response = await(answer, timeout, method);
            if ("error".equals(response.get("type"))) {
                throw new IllegalStateException(method + " failed: " + response.get("error") + ": " + response.get("message"));
            }
            return map(response.get("result"));
        } finally {
            pending.remove(id);
        }
    }

    /**
     * The events received so far, oldest first, and forgets them.
     *
     * @return each event's {@code method} and {@code params}
     */
    List<Map<String, Object>> takeEvents() {
        List<Map<String, Object>> taken = List.copyOf(events);
        events.removeAll(taken);
        return taken;
    }

    @Override
    public void close() {
        socket.abort();
        pending.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException("connection closed")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("expected a JSON object, got " + value);
        }
        return (Map<String, Object>) value;
    }

    private static <T> T await(CompletionStage<T> stage, Duration timeout, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": no answer within " + timeout.toSeconds() + " s", e);
        }
    }

    /** Joins message fragments, and hands each message to the command waiting for it or to the events. */
    private static final class Receiver implements WebSocket.Listener {

        private final Map<Long, CompletableFuture<Map<String, Object>>> pending;
        private final List<Map<String, Object>> events;
        private final StringBuilder partial = new StringBuilder();

        Receiver(Map<Long, CompletableFuture<Map<String, Object>>> pending, List<Map<String, Object>> events) {
            this.pending = pending;
            this.events = events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Map<String, Object> message = map(JSON.toType(partial.toString(), Object.class));
                partial.setLength(0);
                if (message.get("id") instanceof Number id) {
                    CompletableFuture<Map<String, Object>> answer = pending.get(id.longValue());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else if ("event".equals(message.get("type"))) {
                    events.add(message);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            failAll(new IllegalStateException("the browser closed the connection: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            failAll(error);
        }

        private void failAll(Throwable error) {
            pending.values().forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
