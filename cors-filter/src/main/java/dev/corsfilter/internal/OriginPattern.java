package dev.corsfilter.internal;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;

import java.net.IDN;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One configured origin or origin pattern, validated and reduced to the form browsers send.
 *
 * <p>Accepted forms: {@code scheme://host}, {@code scheme://host:port}, {@code scheme://*.domain} (one or
 * more whole labels before {@code domain}) and {@code :*} in place of the port (any port). Scheme and host
 * are lower-cased and a scheme's default port is dropped, because that is how a browser serialises an
 * origin (WHATWG URL standard, "serializing an origin"); anything else that a browser could never send is
 * reported as a {@link PolicyProblem} instead of being guessed at.
 */
public final class OriginPattern {

    private static final Map<String, String> DEFAULT_PORTS =
            Map.of("http", "80", "https", "443", "ws", "80", "wss", "443", "ftp", "21");

    /** The characters UTS #46 (browsers) keeps and IDNA2003 ({@link IDN}) maps, with what each does with them. */
    private static final Map<Character, String> DEVIATIONS = Map.of(
            '\u00df', "\"ß\" (UTS #46, as IDNA2008) where Java's IDNA2003 turns it into \"ss\"",
            '\u03c2', "\"ς\" (UTS #46, as IDNA2008) where Java's IDNA2003 turns it into \"σ\"",
            '\u200c', "U+200C ZERO WIDTH NON-JOINER (UTS #46, as IDNA2008) where Java's IDNA2003 drops it",
            '\u200d', "U+200D ZERO WIDTH JOINER (UTS #46, as IDNA2008) where Java's IDNA2003 drops it");
    /** The label separators of IDNA2003, at which {@link IDN} splits a host. */
    private static final Pattern IDNA2003_DOTS = Pattern.compile("[.\u3002\uFF0E\uFF61]");
    private static final String WRITE_WHAT_BROWSERS_SEND =
            "write the Origin header a browser sends to the site, as its developer tools show it";

    private static final int MAX_LABEL_LENGTH = 63;
    private static final int MAX_HOST_LENGTH = 253;

    private final String raw;
    private final String scheme;
    private final String host;
    private final boolean subdomains;
    private final String port;

    private OriginPattern(String raw, String scheme, String host, boolean subdomains, String port) {
        this.raw = raw;
        this.scheme = scheme;
        this.host = host;
        this.subdomains = subdomains;
        this.port = port;
    }

    /**
     * Validates one configured origin.
     *
     * @param raw the origin as configured
     * @param setting the setting it came from, named in problems
     * @param problems where problems are added
     * @return the pattern, or null when {@code raw} has a problem (then at least one was added)
     */
    public static OriginPattern parse(String raw, String setting, List<PolicyProblem> problems) {
        return new Parser(raw, setting, problems).parse();
    }

    /**
     * The value exactly as configured, for problems about it.
     *
     * @return the configured text
     */
    public String raw() {
        return raw;
    }

    /**
     * The lower-case scheme, e.g. {@code https}.
     *
     * @return the scheme
     */
    public String scheme() {
        return scheme;
    }

    /**
     * The host; for a subdomain pattern the domain after {@code *.}. IPv6 hosts keep their brackets.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * Whether this pattern stands for the subdomains of {@link #host()} rather than the host itself.
     *
     * @return true for {@code scheme://*.domain}
     */
    public boolean subdomains() {
        return subdomains;
    }

    /**
     * Whether this pattern allows any port.
     *
     * @return true for {@code :*}
     */
    public boolean anyPort() {
        return "*".equals(port);
    }

    /**
     * The port as it appears in a browser's {@code Origin}: empty for the scheme's default port.
     *
     * @return the decimal port, {@code *} or the empty string
     */
    public String port() {
        return port;
    }

    /**
     * Whether every origin this pattern matches is on the local machine: {@code localhost}, a
     * {@code .localhost} name, {@code 127.0.0.0/8} or {@code [::1]}. Browsers treat these as potentially
     * trustworthy even over {@code http} (W3C Secure Contexts), and no network attacker sits between
     * them and the browser.
     *
     * @return true for loopback hosts
     */
    public boolean isLoopback() {
        return isLoopbackHost(host);
    }

    /**
     * Tells whether a host names the local machine.
     *
     * @param host a lower-case host, IPv6 in brackets
     * @return true for {@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8} and {@code [::1]}
     */
    static boolean isLoopbackHost(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                || (host.startsWith("127.") && Parser.isDottedQuad(host.split("\\.", -1)));
    }

    /**
     * The port browsers leave out for a scheme.
     *
     * @param scheme a lower-case scheme
     * @return the default port, or null when the scheme has none
     */
    static String defaultPort(String scheme) {
        return DEFAULT_PORTS.get(scheme);
    }

    /**
     * Whether origins matching this pattern are reached without TLS ({@code http}, {@code ws}), so a
     * network attacker can impersonate them.
     *
     * @return true for insecure schemes on hosts that are not loopback
     */
    public boolean isInsecure() {
        return (scheme.equals("http") || scheme.equals("ws") || scheme.equals("ftp")) && !isLoopback();
    }

    /**
     * The text a browser sends for a matching origin, minus the parts the pattern leaves open: the key
     * {@link OriginMatcher} looks up.
     *
     * @return {@code scheme://host} followed by {@code :port} unless the port is default or any
     */
    String lookupKey() {
        return scheme + "://" + host + (port.isEmpty() || anyPort() ? "" : ":" + port);
    }

    /**
     * The canonical text of this pattern, e.g. {@code https://*.example.com:8443}.
     *
     * @return the pattern as it would be configured in canonical form
     */
    @Override
    public String toString() {
        return scheme + "://" + (subdomains ? "*." : "") + host + (port.isEmpty() ? "" : ":" + port);
    }

    /** The parse of one value; a class so the pieces found so far need not be passed around. */
    private static final class Parser {
        private final String raw;
        private final String setting;
        private final List<PolicyProblem> problems;
        private final int problemsBefore;

        Parser(String raw, String setting, List<PolicyProblem> problems) {
            this.raw = raw;
            this.setting = setting;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        OriginPattern parse() {
            if (raw == null || raw.isBlank()) {
                problem(PolicyRule.VALUE_MISSING, "an origin is " + (raw == null ? "null" : "empty"));
                return null;
            }
            if (!raw.strip().equals(raw)) {
                problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has surrounding white space; did you mean \""
                        + raw.strip() + "\"?");
                return null;
            }
            if (raw.equalsIgnoreCase("null")) {
                problem(PolicyRule.ORIGIN_OPAQUE, "\"null\" is not a safe origin: browsers send it for sandboxed"
                        + " iframes, data: URLs, local files and redirects, so any page can claim it;"
                        + " if you must, call allowNullOrigin() (allow-null-origin=true) instead of listing it");
                return null;
            }
            int separator = raw.indexOf("://");
            if (separator < 0) {
                String hint = raw.indexOf('/') < 0 && raw.indexOf(':') < 0 ? " — did you mean \"https://" + raw + "\"?" : "";
                problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has no scheme; an origin is scheme://host[:port]" + hint);
                return null;
            }
            String scheme = raw.substring(0, separator).toLowerCase(Locale.ROOT);
            if (!isScheme(scheme)) {
                problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has an invalid scheme \"" + raw.substring(0, separator)
                        + "\"; an origin is scheme://host[:port]");
                return null;
            }
            if (scheme.equals("file")) {
                problem(PolicyRule.ORIGIN_OPAQUE, quoted() + " is a file: origin; browsers send \"null\" for local files,"
                        + " which any page can claim; if you must, call allowNullOrigin() (allow-null-origin=true)");
                return null;
            }
            String rest = raw.substring(separator + 3);
            int authorityEnd = indexOfAny(rest, "/?#");
            String authority = rest.substring(0, authorityEnd);
            int at = authority.lastIndexOf('@');
            boolean userinfo = at >= 0;
            if (userinfo) {
                authority = authority.substring(at + 1);
            }
            OriginPattern pattern = authority(scheme, authority);
            String hint = pattern == null ? "" : " — did you mean \"" + pattern + "\"?";
            if (userinfo) {
                problem(PolicyRule.ORIGIN_HAS_USERINFO, quoted() + " has user information (user@); an origin is"
                        + " scheme://host[:port]" + hint);
            }
            if (authorityEnd < rest.length()) {
                problem(PolicyRule.ORIGIN_HAS_PATH, quoted() + " has " + describeTail(rest.substring(authorityEnd))
                        + "; an origin is scheme://host[:port]" + hint);
            }
            return problems.size() == problemsBefore ? pattern : null;
        }

        private OriginPattern authority(String scheme, String authority) {
            String hostText;
            String portText;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has an IPv6 address without its closing \"]\"");
                    return null;
                }
                hostText = authority.substring(0, close + 1);
                String after = authority.substring(close + 1);
                if (!after.isEmpty() && after.charAt(0) != ':') {
                    problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has text after its IPv6 address: \"" + after + "\"");
                    return null;
                }
                portText = after.isEmpty() ? null : after.substring(1);
            } else {
                int colon = authority.indexOf(':');
                hostText = colon < 0 ? authority : authority.substring(0, colon);
                portText = colon < 0 ? null : authority.substring(colon + 1);
            }
            String port = port(scheme, portText);
            boolean subdomains = hostText.startsWith("*.");
            String host = host(scheme, subdomains ? hostText.substring(2) : hostText, subdomains, portText);
            if (host == null || port == null) {
                return null;
            }
            return new OriginPattern(raw, scheme, host, subdomains, port);
        }

        /** Returns the canonical port: empty for none or the default, or null after reporting a problem. */
        private String port(String scheme, String text) {
            if (text == null || text.equals("*")) {
                return text == null ? "" : "*";
            }
            boolean digits = !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
            int value = digits ? Integer.parseInt(text) : -1;
            if (value < 1 || value > 65535) {
                problem(PolicyRule.ORIGIN_BAD_PORT, quoted() + " has port \"" + text
                        + "\"; a port is a number from 1 to 65535, or * for any port");
                return null;
            }
            if (text.charAt(0) == '0') {
                String sent = Integer.toString(value).equals(DEFAULT_PORTS.get(scheme))
                        ? "no port, as " + value + " is the default port of " + scheme
                        : "\"" + value + "\"";
                problem(PolicyRule.ORIGIN_BAD_PORT, quoted() + " has port \"" + text + "\" with a leading zero;"
                        + " browsers send " + sent);
                return null;
            }
            return text.equals(DEFAULT_PORTS.get(scheme)) ? "" : text;
        }

        /** Returns the canonical host, or null after reporting a problem. */
        private String host(String scheme, String text, boolean subdomains, String portText) {
            if (text.isEmpty()) {
                problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has no host");
                return null;
            }
            if (text.indexOf('*') >= 0) {
                String what = text.equals("*") && !subdomains
                        ? " matches every host; use allowAnyOrigin() (allowed-origins=*) to allow every origin"
                        : " uses * inside a host; * may only stand for whole leading labels, as in https://*.example.com";
                problem(PolicyRule.ORIGIN_BAD_WILDCARD, quoted() + what);
                return null;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (!text.chars().allMatch(c -> c < 128)) {
                problem(PolicyRule.ORIGIN_NOT_ASCII, quoted() + " has a non-ASCII host; browsers send the punycode form"
                        + punycodeHint(scheme, text, subdomains, portText));
                return null;
            }
            if (lower.startsWith("[")) {
                if (subdomains) {
                    problem(PolicyRule.ORIGIN_BAD_WILDCARD, quoted() + " puts * before an IP address; * stands for DNS labels");
                    return null;
                }
                String canonical = Ipv6Address.canonical(lower.substring(1, lower.length() - 1));
                if (canonical == null) {
                    problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has an invalid IPv6 address");
                    return null;
                }
                if (!canonical.equals(lower.substring(1, lower.length() - 1))) {
                    problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has an IPv6 address in a form browsers never send;"
                            + " they send \"[" + canonical + "]\"");
                    return null;
                }
                return lower;
            }
            return domainOrIpv4(lower, subdomains);
        }

        private String domainOrIpv4(String host, boolean subdomains) {
            if (host.endsWith(".")) {
                problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has a host ending in \".\"; remove the trailing dot");
                return null;
            }
            if (host.length() > MAX_HOST_LENGTH) {
                problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has a host longer than " + MAX_HOST_LENGTH + " characters");
                return null;
            }
            String[] labels = host.split("\\.", -1);
            for (String label : labels) {
                if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || !label.chars().allMatch(Parser::isHostChar)) {
                    problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has an invalid host label \"" + label
                            + "\"; a label is 1 to 63 letters, digits, \"-\" or \"_\"");
                    return null;
                }
            }
            String last = labels[labels.length - 1];
            if (endsInANumber(last)) {
                if (subdomains) {
                    problem(PolicyRule.ORIGIN_BAD_WILDCARD, quoted() + " puts * before an IP address; * stands for DNS labels");
                    return null;
                }
                if (!isDottedQuad(labels)) {
                    problem(PolicyRule.ORIGIN_MALFORMED, quoted() + " has an IPv4 address in a form browsers never send;"
                            + " write four decimal numbers from 0 to 255 without leading zeros");
                    return null;
                }
            }
            return host;
        }

        /**
         * Suggests the punycode form only where Java computes what browsers send. {@link IDN} implements
         * IDNA2003 with the tables of Unicode 3.2; browsers follow UTS #46 non-transitional processing
         * (IDNA2008), which keeps the deviation characters IDNA2003 maps to something else, knows the
         * characters Unicode added since, maps the characters whose case or normalisation changed since, and
         * refuses many that IDNA2003 accepts. For those a guess would name another domain, or a host no browser
         * sends, so the rule is given instead ({@link #browsersAgree}).
         */
        private String punycodeHint(String scheme, String host, boolean subdomains, String portText) {
            for (int i = 0; i < host.length(); i++) {
                String deviation = DEVIATIONS.get(host.charAt(i));
                if (deviation != null) {
                    return ", but Java cannot compute it here: browsers keep " + deviation
                            + ", another domain; " + WRITE_WHAT_BROWSERS_SEND;
                }
            }
            String ascii;
            try {
                ascii = IDN.toASCII(host).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return knownToJava(host) ? "" : ", but Java cannot compute it for characters newer than its IDNA2003"
                        + " tables (Unicode 3.2); " + WRITE_WHAT_BROWSERS_SEND;
            }
            if (!browsersAgree(host, ascii)) {
                return ", but Java cannot compute it here: its IDNA2003 and the UTS #46 of browsers treat some"
                        + " character of this host differently (its case or normalisation changed after Unicode 3.2,"
                        + " one of them ignores it, or browsers refuse it); " + WRITE_WHAT_BROWSERS_SEND;
            }
            return " — did you mean \"" + scheme + "://" + (subdomains ? "*." : "") + ascii
                    + (portText == null ? "" : ":" + portText) + "\"?";
        }

        /**
         * Whether browsers send what IDNA2003 made of the host, as far as the JDK can tell without UTS #46
         * tables: the same labels (no character became a dot), each mapped as today's Unicode maps it
         * (compatibility normalisation and case folding agree with the Unicode 3.2 result), and made only of
         * what an IDNA2008 label may hold and that UTS #46 keeps: letters, digits, combining marks after a
         * base, hyphens, and nothing written right to left, which the bidi rule browsers apply may refuse.
         */
        private static boolean browsersAgree(String host, String ascii) {
            String[] labels = IDNA2003_DOTS.split(host, -1);
            String[] asciiLabels = ascii.split("\\.", -1);
            if (labels.length != asciiLabels.length) {
                return false;
            }
            for (int i = 0; i < labels.length; i++) {
                String mapped = IDN.toUnicode(asciiLabels[i]);
                if (!mapped.equals(foldAndNormalise(labels[i])) || !keptByBrowsers(mapped)) {
                    return false;
                }
            }
            return true;
        }

        /** Compatibility normalisation and simple case folding with the JDK's Unicode tables, until stable. */
        private static String foldAndNormalise(String label) {
            String current = label;
            for (int round = 0; round < 3; round++) {
                StringBuilder folded = new StringBuilder(current.length());
                Normalizer.normalize(current, Normalizer.Form.NFKC).codePoints()
                        .forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
                String next = Normalizer.normalize(folded, Normalizer.Form.NFKC);
                if (next.equals(current)) {
                    break;
                }
                current = next;
            }
            return current;
        }

        /**
         * The default-ignorable code points (Unicode's {@code Default_Ignorable_Code_Point}) that are letters or
         * marks, which the JDK cannot tell: UTS #46 drops them where normalisation keeps them.
         */
        private static boolean isDefaultIgnorable(int c) {
            return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F)
                    || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0 || (c >= 0xE0100 && c <= 0xE01EF);
        }

        private static boolean keptByBrowsers(String label) {
            int[] codePoints = label.codePoints().toArray();
            for (int i = 0; i < codePoints.length; i++) {
                int c = codePoints[i];
                int type = Character.getType(c);
                boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
                boolean letterOrDigit = type == Character.LOWERCASE_LETTER || type == Character.OTHER_LETTER
                        || type == Character.MODIFIER_LETTER || type == Character.DECIMAL_DIGIT_NUMBER;
                byte direction = Character.getDirectionality(c);
                if (!(letterOrDigit || (mark && i > 0) || c == '-') || isDefaultIgnorable(c)
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                        || direction == Character.DIRECTIONALITY_ARABIC_NUMBER) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the host is refused by IDNA2003 for another reason than characters it does not know. */
        private static boolean knownToJava(String host) {
            try {
                IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
                return false;
            } catch (IllegalArgumentException e) {
                return true;
            }
        }

        /**
         * WHATWG URL's "ends in a number": a last label of decimal digits, or {@code 0x} and hex digits, makes
         * browsers parse the host as an IPv4 address.
         */
        private static boolean endsInANumber(String last) {
            String digits = last.startsWith("0x") ? last.substring(2) : last;
            String allowed = last.startsWith("0x") ? "0123456789abcdef" : "0123456789";
            return (last.startsWith("0x") || !digits.isEmpty()) && digits.chars().allMatch(c -> allowed.indexOf(c) >= 0);
        }

        private static boolean isDottedQuad(String[] labels) {
            if (labels.length != 4) {
                return false;
            }
            for (String label : labels) {
                if (label.length() > 3 || !label.chars().allMatch(c -> c >= '0' && c <= '9')
                        || (label.length() > 1 && label.charAt(0) == '0') || Integer.parseInt(label) > 255) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isHostChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }

        private static boolean isScheme(String scheme) {
            if (scheme.isEmpty() || scheme.charAt(0) < 'a' || scheme.charAt(0) > 'z') {
                return false;
            }
            return scheme.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
        }

        private static int indexOfAny(String s, String chars) {
            for (int i = 0; i < s.length(); i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return s.length();
        }

        private static String describeTail(String tail) {
            return switch (tail.charAt(0)) {
                case '?' -> "a query";
                case '#' -> "a fragment";
                default -> "a path";
            };
        }

        private String quoted() {
            return "\"" + raw + "\"";
        }

        private void problem(PolicyRule rule, String message) {
            problems.add(new PolicyProblem(setting, raw == null ? "" : raw, rule, message));
        }
    }
}
