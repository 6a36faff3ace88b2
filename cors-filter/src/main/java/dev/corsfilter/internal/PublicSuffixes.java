package dev.corsfilter.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a domain is a public suffix, such as {@code com}, {@code co.uk} or {@code github.io}, under
 * which anyone can register a name: a pattern {@code https://*.github.io} trusts every GitHub Pages site.
 *
 * <p>The rules come from a snapshot of the Public Suffix List (https://publicsuffix.org) shipped in the jar
 * ({@code public_suffix_list.txt}, refreshed by {@code scripts/update-public-suffix-list.sh}), rather than
 * from a runtime dependency or a hand-written list. They are read on first use only: most policies never
 * need them.
 */
public final class PublicSuffixes {

    private static final String RESOURCE = "public_suffix_list.txt";

    private PublicSuffixes() {
    }

    /**
     * Tells whether {@code domain} is a public suffix by the list's rules: a top-level domain (the list's
     * implicit {@code *} rule), a listed rule, or a label under a wildcard rule ({@code *.ck}) that no
     * exception rule ({@code !www.ck}) takes back.
     *
     * @param domain a lower-case ASCII domain without trailing dot, e.g. {@code github.io}
     * @return true when names are registered directly under it
     */
    public static boolean isPublicSuffix(String domain) {
        Rules rules = Rules.INSTANCE;
        if (domain.indexOf('.') < 0 || rules.exact.contains(domain)) {
            return true;
        }
        int dot = domain.indexOf('.');
        return dot > 0 && rules.wildcardParents.contains(domain.substring(dot + 1))
                && !rules.exceptions.contains(domain);
    }

    /** The parsed list, loaded when first needed. */
    private static final class Rules {
        static final Rules INSTANCE = new Rules();

        final Set<String> exact = new HashSet<>();
        final Set<String> wildcardParents = new HashSet<>();
        final Set<String> exceptions = new HashSet<>();

        private Rules() {
            try (InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    add(line.strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }

        private void add(String rule) {
            if (rule.isEmpty() || rule.startsWith("#")) {
                return;
            }
            if (rule.startsWith("!")) {
                exceptions.add(ascii(rule.substring(1)));
            } else if (rule.startsWith("*.")) {
                wildcardParents.add(ascii(rule.substring(2)));
            } else {
                exact.add(ascii(rule));
            }
        }

        private static String ascii(String domain) {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
    }
}
