package dev.corsfilter.integrity;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code webSocketOriginCheck(true)} covers WebSockets over HTTP/2 (RFC 8441: an extended {@code CONNECT} with
 * {@code :protocol websocket} and no {@code Upgrade}, {@code Connection} or {@code Sec-WebSocket-Key}), which
 * browsers use when the server offers it and Jetty 12 serves: a refused origin gets no WebSocket, over HTTP/1.1
 * or HTTP/2, from a real Jetty WebSocket endpoint. Found by review; it opened a WebSocket at commit 4bf10f9.
 */
class WebSocketOverHttp2OriginCheckTest {

    static final String APP = "https://app.example.com";
    static final String EVIL = "https://evil.example.net";

    @WebSocket
    public static class Echo {
        @OnWebSocketMessage
        public void onMessage(Session session, String message) {
            session.sendText("echo:" + message, Callback.NOOP);
        }
    }

    public static class EchoServlet extends JettyWebSocketServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void configure(JettyWebSocketServletFactory factory) {
            factory.register(Echo.class);
        }
    }

    @WebSocket
    public static class ClientEnd {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @OnWebSocketMessage
        public void onMessage(String message) {
            received.add(message);
        }
    }

    @Test
    void aRefusedOriginOpensNoWebSocketOverHttp1OrHttp2() throws Exception {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).webSocketOriginCheck(true).build();
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        FilterHolder cors = new FilterHolder(new CorsFilter(policy));
        cors.setAsyncSupported(true);
        context.addFilter(cors, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new EchoServlet()), "/ws");
        JettyWebSocketServletContainerInitializer.configure(context, null);
        server.setHandler(context);
        server.start();
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
        WebSocketClient client = new WebSocketClient(http);
        client.start();
        try {
            int port = connector.getLocalPort();
            // Over HTTP/1.1 the filter refuses the foreign origin, as documented.
            RawHttp.Response http1 = RawHttp.send(port, "GET", "/ws", "Origin", EVIL, "Upgrade", "websocket",
                    "Connection", "Upgrade", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13");
            assertThat(http1.status()).isEqualTo(403);

            // Over HTTP/2 (RFC 8441) the same foreign origin must be refused too; it gets a working WebSocket.
            ClientEnd end = new ClientEnd();
            ClientUpgradeRequest request = new ClientUpgradeRequest();
            request.setHeader("Origin", EVIL);
            String outcome;
            try {
                Session session = client.connect(end, URI.create("ws://127.0.0.1:" + port + "/ws"), request)
                        .get(5, TimeUnit.SECONDS);
                session.sendText("hello", Callback.NOOP);
                outcome = "opened over " + session.getUpgradeRequest().getHttpVersion() + " "
                        + session.getUpgradeRequest().getMethod() + ", upgrade response headers "
                        + session.getUpgradeResponse().getHeaders() + ", server answered "
                        + end.received.poll(5, TimeUnit.SECONDS);
                session.close();
            } catch (java.util.concurrent.ExecutionException e) {
                outcome = "refused: " + e.getCause();
            }
            assertThat(outcome).as("WebSocket over HTTP/2 from refused origin " + EVIL).startsWith("refused");
        } finally {
            client.stop();
            server.stop();
        }
    }
}
