package dev.corsfilter.model;

import dev.corsfilter.CorsPolicy;
import dev.corsfilter.model.ModelRequest.Credentials;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generators of the property tests: policies built from small universes of origins, methods and
 * headers, and requests from pages whose origins sit right next to those of the policies (other scheme,
 * port, subdomain, look-alike domain, {@code null}), so that allowed and refused cases are both common.
 * Every generated policy is valid by construction.
 */
final class Scenarios {

    /** Where every request goes: an origin no page has. */
    static final String API = "https://api.example.net";

    /** Origin patterns a credentialed policy may use: https or loopback. */
    static final List<String> SECURE_PATTERNS = List.of("https://app.example.com", "https://app.example.com:8443",
            "https://*.example.com", "https://*.preview.example.com", "https://*.example.org:*",
            "https://*.example.com:8443", "http://localhost:*", "http://localhost:3000", "http://127.0.0.1:*",
            "https://[::1]:8443");
    /** More patterns for policies without credentials. */
    static final List<String> INSECURE_PATTERNS = List.of("http://app.example.com", "http://*.example.org");

    /** Page origins, serialized as browsers send them, near the patterns above. */
    static final List<String> PAGE_ORIGINS = List.of("https://app.example.com", "https://app.example.com:8443",
            "http://app.example.com", "https://example.com", "https://api.example.com", "https://a.b.example.com",
            "https://pr-1.preview.example.com", "https://preview.example.com", "https://x.preview.example.com:8443",
            "https://evilexample.com", "https://app.example.com.evil.net", "https://app.example.co",
            "https://example.org", "https://x.example.org", "https://x.example.org:9000", "http://x.example.org",
            "http://localhost", "http://localhost:3000", "http://localhost:5173", "https://localhost:3000",
            "http://127.0.0.1:8080", "https://[::1]:8443", "https://[::1]", "null");

    static final List<String> POLICY_METHODS = List.of("PUT", "DELETE", "PATCH", "patch", "OPTIONS", "PURGE", "Purge",
            "GET", "POST", "*");
    static final List<String> POLICY_HEADERS = List.of("Content-Type", "X-Request-Id", "Authorization", "Accept",
            "Range", "X-Custom", "accept-language", "CONTENT-LANGUAGE", "X-Api-Key", "*");
    static final List<String> POLICY_EXPOSED = List.of("X-Request-Id", "ETag", "X-Secret", "Content-Type",
            "x-custom-resp");

    /** What the application behind the filter answers with, Set-Cookie included. */
    static final HeaderList APP_HEADERS = HeaderList.of("Content-Type", "application/json", "Cache-Control", "no-store",
            "X-Request-Id", "req-1", "X-Secret", "s3cret", "ETag", "\"v1\"", "Set-Cookie", "theme=dark; Path=/",
            "x-custom-resp", "1");

    /**
     * A method as script writes it and as the browser sends it (Fetch #concept-method-normalize: only
     * DELETE GET HEAD OPTIONS POST PUT are upper-cased), written out by hand.
     */
    record MethodCase(String written, String sent) {
        @Override
        public String toString() {
            return written.equals(sent) ? written : written + "->" + sent;
        }
    }

    static final List<MethodCase> METHODS = List.of(new MethodCase("GET", "GET"), new MethodCase("get", "GET"),
            new MethodCase("HEAD", "HEAD"), new MethodCase("POST", "POST"), new MethodCase("post", "POST"),
            new MethodCase("PUT", "PUT"), new MethodCase("put", "PUT"), new MethodCase("DELETE", "DELETE"),
            new MethodCase("delete", "DELETE"), new MethodCase("OPTIONS", "OPTIONS"), new MethodCase("options", "OPTIONS"),
            new MethodCase("PATCH", "PATCH"), new MethodCase("patch", "patch"), new MethodCase("Patch", "Patch"),
            new MethodCase("PURGE", "PURGE"), new MethodCase("purge", "purge"), new MethodCase("*", "*"),
            new MethodCase("X-CUSTOM", "X-CUSTOM"));

    /**
     * A header script sets, and whether Fetch counts it CORS-safelisted (#cors-safelisted-request-header),
     * decided by hand for each value.
     */
    record HeaderCase(String name, String value, boolean safelisted) {
        String lowerName() {
            return name.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return name + ": " + (value.length() > 20 ? value.substring(0, 17) + "..." : value)
                    + (safelisted ? "" : " (unsafe)");
        }
    }

    static final List<HeaderCase> HEADERS = List.of(
            new HeaderCase("Accept", "application/json", true),
            new HeaderCase("Accept-Language", "en-US,en;q=0.9", true),
            new HeaderCase("Content-Language", "de-DE", true),
            new HeaderCase("Content-Type", "text/plain;charset=UTF-8", true),
            new HeaderCase("Content-Type", "application/x-www-form-urlencoded", true),
            new HeaderCase("Range", "bytes=0-99", true),
            new HeaderCase("Range", "bytes=100-", true),
            new HeaderCase("Content-Type", "application/json", false),
            new HeaderCase("Content-Type", "text/plain; charset=\"utf-8\"", false),
            new HeaderCase("X-Request-Id", "abc-123", false),
            new HeaderCase("X-Custom", "1", false),
            new HeaderCase("x-api-key", "k", false),
            new HeaderCase("Authorization", "Bearer t0ken", false),
            new HeaderCase("Accept", "text/plain, ".repeat(11) + "*/*", false),
            new HeaderCase("Range", "bytes=-500", false),
            new HeaderCase("Range", "bytes=0-1,5-6", false),
            new HeaderCase("Accept-Language", "en_US", false),
            new HeaderCase("*", "star", false));

    /**
     * A policy's settings, kept as plain values so a shrunk counterexample reads like a configuration.
     *
     * @param origins the allowed origins and patterns
     * @param anyOrigin whether {@code allowAnyOrigin()} is set
     * @param nullOrigin whether {@code allowNullOrigin()} is set
     * @param methods the allowed methods
     * @param headers the allowed headers
     * @param exposed the exposed headers
     * @param credentials whether credentials are allowed
     * @param maxAgeSeconds the max age, or null
     * @param preflightStatus the pre-flight status
     * @param switches debug mode, Timing-Allow-Origin and request attributes
     */
    record PolicySpec(List<String> origins, boolean anyOrigin, boolean nullOrigin, List<String> methods,
                      List<String> headers, List<String> exposed, boolean credentials, Integer maxAgeSeconds,
                      int preflightStatus, Switches switches) {

        CorsPolicy build() {
            CorsPolicy.Builder builder = CorsPolicy.builder().allowedOrigins(origins).allowedMethods(methods)
                    .allowedHeaders(headers).exposedHeaders(exposed).allowCredentials(credentials)
                    .preflightStatus(preflightStatus).debugMode(switches.debug())
                    .timingAllowOrigin(switches.timingAllowOrigin()).requestAttributes(switches.requestAttributes());
            if (anyOrigin) {
                builder.allowAnyOrigin();
            }
            if (nullOrigin) {
                builder.allowNullOrigin();
            }
            if (maxAgeSeconds != null) {
                builder.maxAge(Duration.ofSeconds(maxAgeSeconds));
            }
            return builder.build();
        }
    }

    /**
     * The policy switches that must not change what a browser allows: debug mode (refused pre-flights get
     * an ok status and partial headers), {@code Timing-Allow-Origin}, request attributes.
     *
     * @param debug whether debug mode is on
     * @param timingAllowOrigin whether Timing-Allow-Origin is sent
     * @param requestAttributes whether request attributes are set
     */
    record Switches(boolean debug, boolean timingAllowOrigin, boolean requestAttributes) {
    }

    /**
     * One {@code fetch()} from a page.
     *
     * @param pageOrigin the page's origin
     * @param method the method
     * @param headers the headers script sets, names unique
     * @param body whether a string body is sent (only for methods other than GET and HEAD)
     * @param credentials the credentials mode
     * @param path {@code /ok}, or a path the application redirects from
     * @param appStatus the status the application answers with
     */
    record RequestSpec(String pageOrigin, MethodCase method, List<HeaderCase> headers, boolean body,
                       Credentials credentials, String path, int appStatus) {

        ModelRequest toModelRequest() {
            ModelRequest request = ModelRequest.of(method.written()).credentials(credentials);
            for (HeaderCase header : headers) {
                request = request.header(header.name(), header.value());
            }
            boolean bodyAllowed = !method.sent().equals("GET") && !method.sent().equals("HEAD");
            return body && bodyAllowed ? request.body("payload") : request;
        }

        RequestSpec withPageOrigin(String origin) {
            return new RequestSpec(origin, method, headers, body, credentials, path, appStatus);
        }

        /** The lower-case names a pre-flight must ask for, from the hand-written table. */
        List<String> unsafeHeaderNames() {
            return headers.stream().filter(header -> !header.safelisted()).map(HeaderCase::lowerName).sorted().toList();
        }
    }

    private Scenarios() {
    }

    static Arbitrary<PolicySpec> policies() {
        return Arbitraries.of(true, false).flatMap(credentials -> Combinators.combine(
                originSettings(credentials),
                Arbitraries.subsetOf(POLICY_METHODS).ofMaxSize(4).map(List::copyOf),
                Arbitraries.subsetOf(POLICY_HEADERS).ofMaxSize(4).map(List::copyOf),
                Arbitraries.subsetOf(exposedChoices(credentials)).ofMaxSize(3).map(List::copyOf),
                // Up to the smallest engine cap, WebKit's 600 s: the builder warns about longer ones, and the caps
                // are unit-tested.
                Arbitraries.of(0, 5, 60, 600).injectNull(0.3),
                Arbitraries.of(200, 204, 299),
                switches()
        ).as((origins, methods, headers, exposed, maxAge, status, switches) -> new PolicySpec(origins.patterns(),
                origins.any(), origins.nullOrigin(), methods, headers, exposed, credentials, maxAge, status, switches)));
    }

    private static Arbitrary<Switches> switches() {
        Arbitrary<Boolean> mostlyOff = Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
        return Combinators.combine(mostlyOff, mostlyOff, mostlyOff).as(Switches::new);
    }

    /** Which origins a policy allows: a list, any origin, or null (the last two only without credentials). */
    private record OriginSettings(List<String> patterns, boolean any, boolean nullOrigin) {
    }

    private static Arbitrary<OriginSettings> originSettings(boolean credentials) {
        List<String> patterns = new ArrayList<>(SECURE_PATTERNS);
        if (!credentials) {
            patterns.addAll(INSECURE_PATTERNS);
        }
        Arbitrary<OriginSettings> listed = Arbitraries.subsetOf(patterns).ofMinSize(1).ofMaxSize(3)
                .map(set -> new OriginSettings(List.copyOf(set), false, false));
        if (credentials) {
            return listed;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, listed),
                Tuple.of(2, Arbitraries.just(new OriginSettings(List.of(), true, false))),
                Tuple.of(1, Arbitraries.just(new OriginSettings(List.of(), false, true))),
                Tuple.of(1, listed.map(settings -> new OriginSettings(settings.patterns(), false, true))));
    }

    private static List<String> exposedChoices(boolean credentials) {
        List<String> choices = new ArrayList<>(POLICY_EXPOSED);
        if (!credentials) {
            choices.add("*");
        }
        return choices;
    }

    static Arbitrary<RequestSpec> requests() {
        return Combinators.combine(
                Arbitraries.of(PAGE_ORIGINS),
                Arbitraries.of(METHODS),
                Arbitraries.of(HEADERS).list().ofMaxSize(3).uniqueElements(HeaderCase::lowerName),
                Arbitraries.of(true, false),
                Arbitraries.of(Credentials.class),
                Arbitraries.frequency(Tuple.of(4, "/ok"), Tuple.of(1, "/redirect-302"), Tuple.of(1, "/redirect-307")),
                Arbitraries.of(200, 201, 204, 304, 404, 500)
        ).as(RequestSpec::new);
    }
}
