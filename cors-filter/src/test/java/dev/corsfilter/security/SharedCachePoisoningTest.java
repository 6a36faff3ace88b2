package dev.corsfilter.security;

import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.corsfilter.security.AttackOrigins.APP;
import static dev.corsfilter.security.AttackOrigins.PREVIEW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that a shared HTTP cache in front of the filter (a CDN or a reverse proxy) can never be made to
 * serve a response with the wrong CORS headers: not an allowed origin's response to another origin, nor to
 * a request without {@code Origin}, nor a response without CORS headers to an allowed origin. The cache is
 * a small model of RFC 9111's rules (a stored response is reused only when the request's values of every
 * header its {@code Vary} names are the same; {@code no-store} and {@code private} are never stored); the
 * responses come from the real filter on embedded Jetty. Each requester in turn primes the cache, as an
 * attacker would, and every other requester then asks for the same URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedCachePoisoningTest {

    /** Who asks: the {@code Origin} header each sends, null for none. */
    static final Map<String, String> REQUESTERS = new LinkedHashMap<>();

    static {
        REQUESTERS.put("allowed origin", APP);
        REQUESTERS.put("other allowed origin", PREVIEW);
        REQUESTERS.put("denied origin", "https://evil.example.net");
        REQUESTERS.put("null origin", "null");
        REQUESTERS.put("no Origin", null);
    }

    EmbeddedJetty jetty;
    EmbeddedJetty openJetty;

    @BeforeAll
    void start() {
        jetty = server(new CorsFilter(AttackOrigins.POLICY));
        openJetty = server(new CorsFilter(CorsPolicy.builder().allowAnyOrigin().exposedHeaders("ETag").build()));
    }

    @AfterAll
    void stop() {
        jetty.close();
        openJetty.close();
    }

    static EmbeddedJetty server(CorsFilter filter) {
        return new EmbeddedJetty().filter(filter)
                .servlet("/data", cacheable((request, response) -> { }))
                .servlet("/vary-added", cacheable((request, response) -> response.addHeader("Vary", "Accept-Encoding")))
                .servlet("/vary-set", cacheable((request, response) -> response.setHeader("Vary", "Accept-Encoding")))
                .servlet("/reset", cacheable((request, response) -> {
                    response.setHeader("X-Partial", "1");
                    response.reset();
                }))
                .servlet("/not-found", servlet((request, response) -> response.sendError(404)))
                .start();
    }

    /** A servlet whose responses any shared cache may store for a minute. */
    static HttpServlet cacheable(AppServlet.Body before) {
        return servlet((request, response) -> {
            before.handle(request, response);
            response.setHeader("Cache-Control", "public, max-age=60");
            response.getWriter().print("data for everyone");
        });
    }

    static HttpServlet servlet(AppServlet.Body application) {
        return AppServlet.of(application);
    }

    /** A shared cache reduced to the rules that matter here (RFC 9111 sections 3 and 4.1). */
    static final class SharedCache {
        record Entry(Map<String, String> selectingHeaders, RawHttp.Response response) {
        }

        private final Map<String, List<Entry>> entries = new HashMap<>();

        void store(String url, Map<String, String> requestHeaders, RawHttp.Response response) {
            String cacheControl = String.join(",", response.values("Cache-Control")).toLowerCase(Locale.ROOT);
            if (cacheControl.contains("no-store") || cacheControl.contains("private")
                    || !(cacheControl.contains("public") || cacheControl.contains("max-age"))) {
                return;
            }
            Map<String, String> selecting = new HashMap<>();
            for (String name : response.varyNames()) {
                selecting.put(name, requestHeaders.get(name));
            }
            entries.computeIfAbsent(url, key -> new ArrayList<>()).add(new Entry(selecting, response));
        }

        RawHttp.Response lookup(String url, Map<String, String> requestHeaders) {
            for (Entry entry : entries.getOrDefault(url, List.of())) {
                if (entry.selectingHeaders().containsKey("*")) {
                    continue;
                }
                boolean same = entry.selectingHeaders().entrySet().stream().allMatch(selecting ->
                        java.util.Objects.equals(selecting.getValue(), requestHeaders.get(selecting.getKey())));
                if (same) {
                    return entry.response();
                }
            }
            return null;
        }
    }

    /** The request headers a requester sends, by lower-case name. */
    static Map<String, String> requestHeaders(String origin) {
        Map<String, String> headers = new HashMap<>();
        headers.put("accept-encoding", "identity");
        if (origin != null) {
            headers.put("origin", origin);
        }
        return headers;
    }

    static RawHttp.Response fetch(EmbeddedJetty server, String path, String origin) {
        return origin == null ? RawHttp.send(server.port(), "GET", path, "Accept-Encoding", "identity")
                : RawHttp.send(server.port(), "GET", path, "Accept-Encoding", "identity", "Origin", origin);
    }

    /** The CORS headers of a response, by lower-case name, each line kept. */
    static Map<String, List<String>> corsHeaders(RawHttp.Response response) {
        Map<String, List<String>> cors = new HashMap<>();
        for (String[] header : response.headers()) {
            String name = header[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("access-control-")) {
                cors.computeIfAbsent(name, key -> new ArrayList<>()).add(header[1]);
            }
        }
        return cors;
    }

    /**
     * Primes a fresh cache with each requester's response in turn and checks every other requester's
     * lookup: a hit must carry exactly the CORS headers the server gives that requester.
     *
     * @return the number of lookups served from the cache
     */
    static int primeAndReplay(EmbeddedJetty server, String path) {
        int hits = 0;
        for (Map.Entry<String, String> primer : REQUESTERS.entrySet()) {
            SharedCache cache = new SharedCache();
            cache.store(path, requestHeaders(primer.getValue()), fetch(server, path, primer.getValue()));
            for (Map.Entry<String, String> asker : REQUESTERS.entrySet()) {
                RawHttp.Response cached = cache.lookup(path, requestHeaders(asker.getValue()));
                if (cached == null) {
                    continue;
                }
                hits++;
                RawHttp.Response fresh = fetch(server, path, asker.getValue());
                assertThat(corsHeaders(cached)).as("%s primed by the %s, served to the %s", path, primer.getKey(),
                        asker.getKey()).isEqualTo(corsHeaders(fresh));
            }
        }
        return hits;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/data", "/vary-added", "/not-found"})
    void aCachedResponseIsNeverServedWithAnotherRequestersCorsHeaders(String path) {
        int hits = primeAndReplay(jetty, path);

        System.out.printf("shared cache, %s: %d lookups served from the cache, all with the right CORS headers%n",
                path, hits);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/data", "/vary-added", "/vary-set"})
    void withAnyOriginTheConstantHeadersAreRightForEveryoneAndNeedNoVary(String path) {
        int hits = primeAndReplay(openJetty, path);

        assertThat(hits).as("the same response may serve every requester").isEqualTo(REQUESTERS.size() * REQUESTERS.size());
    }

    @Test
    void everyCacheableResponseOfAnOriginDependentPolicyVariesOnOrigin() {
        for (String origin : REQUESTERS.values()) {
            RawHttp.Response response = fetch(jetty, "/data", origin);
            assertThat(response.varyNames()).as(String.valueOf(origin)).containsOnlyOnce("origin");
        }
    }

    /**
     * The filter wraps only the responses of allowed CORS requests, so for a request without
     * {@code Origin} (or from a refused origin) an application's {@code setHeader("Vary", …)} or
     * {@code reset()} removes the {@code Vary: Origin} the filter added — and, for an any-origin policy,
     * {@code reset()} removes the constant {@code Access-Control-Allow-Origin: *} that was to make
     * {@code Vary} unnecessary. A shared cache then keeps that response for every origin, and an allowed
     * origin is served a copy without {@code Access-Control-Allow-Origin}: one request without
     * {@code Origin} breaks the API for every browser until the entry expires (a cache-poisoning denial of
     * service; no data leaks, because the responses that carry CORS headers keep them and their
     * {@code Vary}).
     */
    @ParameterizedTest(name = "{0} policy, {1}")
    @CsvSource({"listed origins, /vary-set", "listed origins, /reset", "any origin, /reset"})
    void anApplicationThatSetsVaryOrResetsCannotPoisonTheCacheForAllowedOrigins(String policy, String path) {
        primeAndReplay(policy.equals("any origin") ? openJetty : jetty, path);
    }
}
