package dev.corsfilter.security;

import dev.corsfilter.CorsPolicy;

import java.net.IDN;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy under attack and the {@code Origin} values thrown at it, each with the outcome it must get.
 *
 * <p>The values follow the classes of origin-validation mistakes that public CORS research (PortSwigger's
 * "Exploiting CORS misconfigurations", the Corsy and CORScanner test lists, Safari's permissive host
 * parsing) found in real servers: prefix and suffix matches, unescaped dots in regular expressions,
 * special characters after a trusted host, scheme downgrades, port and user-information tricks,
 * percent-encoding and control characters, letter case, trailing dots, IDN look-alikes, several origins
 * in one value, {@code null} and white space. They are generated for each kind of allowed origin in the
 * policy: an exact origin, an exact origin with a port, a subdomain pattern, a subdomain pattern with any
 * port, and a loopback origin with any port.
 */
final class AttackOrigins {

    static final String APP = "https://app.example.com";
    static final String ADMIN = "https://admin.example.com:8443";
    static final String PREVIEW = "https://pr-1.preview.example.com";

    /** Exact origins, subdomain patterns (default port and any port) and loopback, with credentials. */
    static final CorsPolicy POLICY = CorsPolicy.builder()
            .allowedOrigins(APP, ADMIN, "https://*.preview.example.com", "https://*.example.org:*", "http://localhost:*")
            .allowedMethods("PUT", "DELETE")
            .allowedHeaders("Content-Type", "X-Request-Id")
            .exposedHeaders("X-Request-Id")
            .allowCredentials(true)
            .maxAge(Duration.ofMinutes(10))
            .build();

    /** Characters that lenient host parsers (Safari's among them) accept, and that regex checks miss. */
    static final String SPECIAL_CHARACTERS = "_-~!$&'()*+,;=%`{}|^\"<>\\ ";

    /** One hostile value and whether the policy must allow it. */
    record Attack(String category, String origin, boolean allowed) {

        /** What a server sees after HTTP parsing: white space around a field value is not part of it. */
        String overHttp() {
            return origin.replaceAll("^[ \\t]+|[ \\t]+$", "");
        }

        /** Whether the value can be written in an HTTP/1.1 header line at all (no line break in it). */
        boolean sendableOverHttp() {
            return origin.indexOf('\r') < 0 && origin.indexOf('\n') < 0;
        }

        @Override
        public String toString() {
            return category + ": " + LogSafe.show(origin) + (allowed ? " (allowed)" : " (denied)");
        }
    }

    private AttackOrigins() {
    }

    /** Every attack, in category order, without duplicate values. */
    static List<Attack> all() {
        Map<String, Attack> attacks = new LinkedHashMap<>();
        Builder b = new Builder(attacks);
        b.controls();
        b.unrelatedAndReflected();
        b.prefixSuffixAndUnescapedDot();
        b.specialCharacters();
        b.schemes();
        b.ports();
        b.userInformation();
        b.pathsQueriesFragments();
        b.percentEncoding();
        b.controlCharacters();
        b.letterCase();
        b.dots();
        b.lookAlikes();
        b.severalOrigins();
        b.nullAndOpaque();
        b.whiteSpace();
        b.wildcardsAndIpAddresses();
        b.lengths();
        return List.copyOf(attacks.values());
    }

    /** The origins the policy allows among the attacks: the expected outcome of any value is membership. */
    static Set<String> allowedValues() {
        return all().stream().filter(Attack::allowed).map(Attack::origin).collect(Collectors.toSet());
    }

    /** Collects attacks; a value listed twice keeps its first category. */
    private static final class Builder {
        private final Map<String, Attack> attacks;
        private String category;

        Builder(Map<String, Attack> attacks) {
            this.attacks = attacks;
        }

        private void allow(String origin) {
            attacks.putIfAbsent(origin, new Attack(category, origin, true));
        }

        private void deny(String origin) {
            Attack previous = attacks.putIfAbsent(origin, new Attack(category, origin, false));
            if (previous != null && previous.allowed()) {
                throw new IllegalStateException("listed as allowed and denied: " + origin);
            }
        }

        void controls() {
            category = "allowed origin";
            for (String origin : List.of(APP, ADMIN, PREVIEW, "https://a.b.c.preview.example.com",
                    "https://x.example.org", "https://x.example.org:1", "https://x.example.org:8443",
                    "https://x.example.org:65535", "https://deep.x.example.org:8443",
                    // The pattern allows any port, and 443 is the same origin as no port, so allowing it is harmless.
                    "https://x.example.org:443",
                    "http://localhost", "http://localhost:5173", "http://localhost:65535",
                    // Labels under a trusted domain belong to its owner, whatever they look like.
                    "https://_.preview.example.com", "https://-.preview.example.com", "https://0.preview.example.com",
                    "https://" + IDN.toASCII("\u0430pp") + ".preview.example.com")) {
                allow(origin);
            }
        }

        void unrelatedAndReflected() {
            category = "unrelated origin";
            for (String origin : List.of("https://evil.net", "https://attacker.example", "http://evil.net",
                    "https://example.com", "https://example.org", "https://preview.example.com",
                    "https://www.app.example.com", "https://api.example.com", "https://admin.example.com",
                    "https://example.net", "https://localhost", "http://127.0.0.1:5173")) {
                deny(origin);
            }
        }

        void prefixSuffixAndUnescapedDot() {
            // For exact origins the trusted text is the host; for patterns it is the parent domain.
            record Target(String scheme, String host, String port) {
                String origin(String host) {
                    return scheme + "://" + host + port;
                }
            }
            List<Target> targets = List.of(new Target("https", "app.example.com", ""),
                    new Target("https", "admin.example.com", ":8443"),
                    new Target("https", "pr-1.preview.example.com", ""),
                    new Target("https", "x.example.org", ":8443"),
                    new Target("http", "localhost", ":5173"));
            for (Target target : targets) {
                String host = target.host();
                String parent = host.contains(".preview.") || host.endsWith(".example.org")
                        ? host.substring(host.indexOf('.') + 1) : host;
                category = "prefix match";
                deny(target.origin("evil" + parent));
                deny(target.origin("evil-" + parent));
                deny(target.origin("evil_" + parent));
                deny(target.origin("x" + parent));
                category = "suffix match";
                deny(target.origin(host + ".evil.net"));
                deny(target.origin(host + "evil.net"));
                deny(target.origin(host + "-evil.net"));
                deny(target.origin(host + ".evil.net") + "/" + host);
                category = "unescaped dot";
                for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
                    deny(target.origin(host.substring(0, dot) + "x" + host.substring(dot + 1)));
                }
                category = "truncated host";
                deny(target.origin(host.replace(parent, parent.substring(1))));
                deny(target.origin(host.substring(0, host.length() - 1)));
            }
        }

        void specialCharacters() {
            category = "special character";
            for (char c : SPECIAL_CHARACTERS.toCharArray()) {
                deny(APP + c + ".evil.net");
                deny(PREVIEW + c + ".evil.net");
                deny(APP + c);
                String underPattern = "https://evil" + c + ".preview.example.com";
                if (c == '-' || c == '_') {
                    allow(underPattern);
                } else {
                    deny(underPattern);
                }
            }
        }

        void schemes() {
            category = "scheme";
            for (String origin : List.of("http://app.example.com", "ws://app.example.com", "wss://app.example.com",
                    "ftp://app.example.com", "file://app.example.com", "HTTPS://app.example.com",
                    "Https://app.example.com", "https:/app.example.com", "https:app.example.com", "//app.example.com",
                    "app.example.com", "https//app.example.com", "https:///app.example.com", "javascript://app.example.com",
                    "data://app.example.com", "blob:https://app.example.com", "https://https://app.example.com",
                    "http://pr-1.preview.example.com", "http://x.example.org", "https://localhost:5173",
                    "ws://localhost:5173", "http://admin.example.com:8443", "://app.example.com", "https://")) {
                deny(origin);
            }
        }

        void ports() {
            category = "port";
            for (String origin : List.of(APP + ":443", APP + ":8443", APP + ":0", APP + ":80", APP + ":",
                    "https://admin.example.com", "https://admin.example.com:443", "https://admin.example.com:08443",
                    ADMIN + "/", ADMIN + ":8443", "https://admin.example.com:84430", "https://admin.example.com:8444",
                    "https://x.example.org:0", "https://x.example.org:65536", "https://x.example.org:080",
                    "https://x.example.org:-1", "https://x.example.org:+80", "https://x.example.org:0x50",
                    "https://x.example.org:80a", "https://x.example.org:", "https://x.example.org:99999999999",
                    "https://x.example.org:8_443", "https://x.example.org: 80", PREVIEW + ":443", PREVIEW + ":8443",
                    "http://localhost:0", "http://localhost:080", "http://localhost:65536", "http://localhost:",
                    "http://localhost:5173:5173", "http://localhost:*")) {
                deny(origin);
            }
        }

        void userInformation() {
            category = "user information";
            for (String origin : List.of("https://user@app.example.com", "https://user:pass@app.example.com",
                    "https://app.example.com@evil.net", "https://evil.net@app.example.com",
                    "https://app.example.com:@evil.net", "https://a@pr-1.preview.example.com",
                    "https://pr-1.preview.example.com@evil.net", "http://localhost@evil.net", "http://evil.net@localhost",
                    "http://localhost:5173@evil.net", "https://@app.example.com")) {
                deny(origin);
            }
        }

        void pathsQueriesFragments() {
            category = "path, query or fragment";
            for (String origin : List.of(APP + "/", APP + "/x", APP + "?x", APP + "#x", APP + "/.", PREVIEW + "/",
                    "https://evil.net/app.example.com", "https://evil.net?app.example.com",
                    "https://evil.net#app.example.com", "https://evil.net/.preview.example.com",
                    "http://localhost:5173/")) {
                deny(origin);
            }
        }

        void percentEncoding() {
            category = "percent-encoding";
            for (String origin : List.of("https://app%2eexample.com", "https://app.example%2ecom",
                    "https://%61pp.example.com", "https://app.example.com%00", "https://app.example.com%0d%0aX-A:%20b",
                    "https://pr-1%2epreview.example.com", "https://pr-1.preview.example.com%2f", APP + "%23",
                    "%68ttps://app.example.com", "https%3a//app.example.com", "https://app.example.com%40evil.net",
                    "http://localhost%3a5173", "https://%2a.preview.example.com")) {
                deny(origin);
            }
        }

        void controlCharacters() {
            category = "control character";
            for (char c : new char[] {0, 1, 8, 9, 10, 11, 12, 13, 27, 0x7f}) {
                deny(APP + c);
                deny("https://app" + c + ".example.com");
                deny("https://pr-1" + c + ".preview.example.com");
            }
            deny(APP + "\r\nOrigin: https://evil.net");
            deny("https://evil.net\r\nOrigin: " + APP);
        }

        void letterCase() {
            category = "letter case";
            for (String origin : List.of("HTTPS://APP.EXAMPLE.COM", "https://App.example.com", "https://APP.example.com",
                    "https://app.EXAMPLE.com", "https://app.example.COM", "https://ApP.ExAmPlE.CoM",
                    "https://PR-1.preview.example.com", "https://pr-1.PREVIEW.example.com", "https://X.example.org",
                    "https://x.example.ORG:8443", "HTTP://localhost", "http://LOCALHOST:5173", "https://ADMIN.example.com:8443")) {
                deny(origin);
            }
        }

        void dots() {
            category = "dots";
            for (String origin : List.of("https://app.example.com.", "https://pr-1.preview.example.com.",
                    "https://x.example.org.:8443", "http://localhost.", "http://localhost.:5173",
                    "https://.app.example.com", "https://app..example.com", "https://pr-1..preview.example.com",
                    "https://.preview.example.com", "https://..preview.example.com", "https://admin.example.com.:8443",
                    "https://x.example.org..")) {
                deny(origin);
            }
        }

        void lookAlikes() {
            category = "look-alike";
            List<String> unicode = List.of("https://\u0430pp.example.com", "https://app.ex\u0430mple.com",
                    "https://app.example.c\u043em", "https://\uff41pp.example.com", "https://app\uff0eexample.com",
                    "https://app\u3002example.com", APP + "\u200b", "https://\u200bapp.example.com",
                    "https://pr-1.pr\u0435view.example.com", "https://\u0430pp.preview.example.com",
                    "https://app.example.com\u00ad", "http://l\u043ecalhost:5173", "https://\u0251pp.example.com",
                    "https://app.example.\u212aom");
            for (String origin : unicode) {
                deny(origin);
            }
            // The punycode forms browsers would send for those hosts.
            deny("https://" + IDN.toASCII("\u0430pp.example.com"));
            deny("https://" + IDN.toASCII("app.ex\u0430mple.com"));
            deny("https://" + IDN.toASCII("app.example.c\u043em"));
            deny("https://pr-1." + IDN.toASCII("pr\u0435view") + ".example.com");
            deny("http://" + IDN.toASCII("l\u043ecalhost") + ":5173");
            deny("https://xn--80ak6aa92e.com");
            deny("https://xn--app-example-com.example.org.evil.net");
        }

        void severalOrigins() {
            category = "several origins";
            for (String origin : List.of(APP + " https://evil.net", "https://evil.net " + APP, APP + ",https://evil.net",
                    APP + ", https://evil.net", "https://evil.net, " + APP, APP + ";https://evil.net", APP + "\t" + APP,
                    "null " + APP, APP + " " + APP, APP + "," + APP, PREVIEW + " " + APP)) {
                deny(origin);
            }
        }

        void nullAndOpaque() {
            category = "null and opaque";
            for (String origin : List.of("null", "NULL", "Null", "nul", "null\u0000", "\"null\"", "'null'", "null;",
                    "null,null", "file://", "file:///etc/passwd", "data:", "about:blank", "undefined", "0", "-")) {
                deny(origin);
            }
        }

        void whiteSpace() {
            category = "white space";
            for (String origin : List.of(" " + APP, APP + " ", "\t" + APP, APP + "\t", "  " + APP + "  ",
                    "https:// app.example.com", "https://app .example.com", "https://app. example.com",
                    APP + "\u00a0", "\u3000" + APP, APP + "\u2028", "", " ", "\t")) {
                deny(origin);
            }
        }

        void wildcardsAndIpAddresses() {
            category = "wildcard or IP address";
            for (String origin : List.of("*", "https://*", "https://*.preview.example.com", "https://*.example.org:*",
                    "https://?.preview.example.com", "https://*.*", "http://127.0.0.1", "http://[::1]:5173",
                    "http://0x7f.0.0.1:5173", "http://2130706433:5173", "http://[::ffff:127.0.0.1]:5173",
                    "http://0.0.0.0:5173", "http://127.1:5173", "https://93.184.216.34", "http://[::1]")) {
                deny(origin);
            }
        }

        void lengths() {
            category = "length";
            String suffix = ".preview.example.com";
            String atCap = "https://" + "a".repeat(1024 - "https://".length() - suffix.length()) + suffix;
            allow(atCap);
            allow("https://" + ("b".repeat(60) + ".").repeat(15) + "preview.example.com");
            deny("https://" + "a".repeat(1025 - "https://".length() - suffix.length()) + suffix);
            deny("https://" + "a".repeat(100_000) + suffix);
            deny(APP + " ".repeat(2000));
            deny(String.join("", Collections.nCopies(40, APP)));
        }
    }

    /** Shows control and non-ASCII characters as escapes and cuts long values, for test names. */
    static final class LogSafe {
        private LogSafe() {
        }

        static String show(String value) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Math.min(value.length(), 90); i++) {
                char c = value.charAt(i);
                out.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            return value.length() > 90 ? out + "...(" + value.length() + " chars)" : out.toString();
        }
    }
}
