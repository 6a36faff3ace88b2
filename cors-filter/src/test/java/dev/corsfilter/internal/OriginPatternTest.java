package dev.corsfilter.internal;

import com.ibm.icu.text.IDNA;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class OriginPatternTest {

    static PolicyProblem onlyProblem(String origin) {
        List<PolicyProblem> problems = new ArrayList<>();
        assertThat(OriginPattern.parse(origin, "allowedOrigins", problems)).isNull();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /**
     * Java's IDN is IDNA2003; browsers follow UTS #46 non-transitional processing, which keeps the four
     * deviation characters that IDNA2003 maps to something else. {@code https://straße.de} is sent as
     * {@code https://xn--strae-oqa.de}; IDNA2003 would suggest {@code https://strasse.de}, someone else's domain.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://straße.de", "https://*.straße.de", "https://STRAßE.de", "https://σοφός.gr",
            "https://ab\u200ccd.example", "https://ab\u200dcd.example:8443"})
    void theIdnHintNeverSuggestsTheFormJavaComputesForDeviationCharacters(String origin) {
        PolicyProblem problem = onlyProblem(origin);

        assertThat(problem.rule()).isEqualTo(PolicyRule.ORIGIN_NOT_ASCII);
        assertThat(problem.message()).doesNotContain("did you mean").doesNotContain("xn--")
                .doesNotContain("strasse").doesNotContain("σοφόσ").doesNotContain("abcd")
                .contains("UTS #46").contains("IDNA2003")
                .contains("the Origin header a browser sends");
    }

    @Test
    void theDeviationIsNamedWithWhatEachStandardDoesWithIt() {
        assertThat(onlyProblem("https://straße.de").message()).isEqualTo("\"https://straße.de\" has a non-ASCII host; browsers send"
                + " the punycode form, but Java cannot compute it here: browsers keep \"ß\" (UTS #46, as IDNA2008)"
                + " where Java's IDNA2003 turns it into \"ss\", another domain; write the Origin header a browser sends"
                + " to the site, as its developer tools show it");
    }

    /** Characters Unicode added after 3.2, the version of Java's IDNA2003 tables, may be mapped differently too. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://\uD83D\uDE00.example", "https://\u2C65.example"})
    void theIdnHintNeverGuessesForCharactersNewerThanJavasTables(String origin) {
        assertThat(onlyProblem(origin).message()).doesNotContain("did you mean").doesNotContain("xn--")
                .contains("Unicode 3.2").contains("the Origin header a browser sends");
    }

    /** Upper case is no deviation: both standards fold it, and a final capital sigma becomes "σ" in both. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://ΣΟΦΟΣ.gr", "https://BÜCHER.example"})
    void upperCaseStillGetsItsPunycodeForm(String origin) {
        assertThat(onlyProblem(origin).message()).contains("did you mean \"https://xn--");
    }

    /**
     * IDNA2003 (Java) and UTS #46 (browsers) differ beyond the deviation characters: on characters whose case
     * folding or normalisation changed after Unicode 3.2, and on characters one ignores and the other keeps.
     * The browser forms are ICU4J's UTS #46, non-transitional, with the bidi and joiner checks WHATWG URL applies.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://a\u04C0b.example, xn--ab-kxc.example, xn--ab-uyc.example",
            "https://a\u10A0b.example, xn--ab-4dk.example, xn--ab-r51a.example",
            "https://a\u2132b.example, xn--ab-qru.example, xn--ab-4tu.example",
            "https://a\u3164b.example, xn--ab-luk.example, ab.example",
            "https://a\u1806b.example, ab.example, xn--ab-h0o.example",
    })
    void theIdnHintNeverNamesAnotherDomainThanBrowsersSend(String origin, String javaForm, String browserForm) {
        assertThat(browserHost(origin.substring("https://".length()))).isEqualTo(browserForm);

        assertThat(onlyProblem(origin).message()).as("never %s (browsers send %s)", javaForm, browserForm)
                .doesNotContain("did you mean").contains("the Origin header a browser sends");
    }

    /** Hosts browsers refuse outright: a dot-like character that adds a label, a failed bidi rule. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://pay\u2024example.com", "https://pay\uFE52example.com", "https://a\u0660b.example"})
    void theIdnHintNeverSuggestsAnOriginForAHostBrowsersRefuse(String origin) {
        assertThat(browserHost(origin.substring("https://".length()))).isNull();

        assertThat(onlyProblem(origin).message()).doesNotContain("did you mean")
                .contains("the Origin header a browser sends");
    }

    /**
     * Every character from U+0080 to U+2FFFF, inside a label and at its start: wherever the hint suggests a
     * form, it is the one browsers send; and it still suggests one for nearly every host where Java's form is
     * the one browsers send.
     */
    @Test
    void wheneverTheIdnHintSuggestsAFormItIsTheOneBrowsersSend() {
        Pattern suggestion = Pattern.compile("did you mean \"https://([^\"]*)\"");
        List<String> wrong = new ArrayList<>();
        int suggested = 0;
        int javaRight = 0;
        for (int c = 0x80; c <= 0x2FFFF; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            String character = new String(Character.toChars(c));
            for (String host : List.of("a" + character + "b.example", character + "b.example")) {
                String browsers = browserHost(host);
                if (browsers != null && browsers.equals(javaHost(host))) {
                    javaRight++;
                }
                List<PolicyProblem> problems = new ArrayList<>();
                OriginPattern.parse("https://" + host, "allowedOrigins", problems);
                Matcher matcher = problems.size() == 1 ? suggestion.matcher(problems.get(0).message()) : null;
                if (matcher != null && matcher.find()) {
                    suggested++;
                    if (!matcher.group(1).equals(browsers) && wrong.size() < 50) {
                        wrong.add(String.format("U+%04X %s: suggested %s, browsers send %s", c, Character.getName(c),
                                matcher.group(1), browsers == null ? "nothing (refused)" : browsers));
                    }
                }
            }
        }
        System.out.printf("IDN hint: a punycode form suggested for %d hosts; Java's form is right for %d%n",
                suggested, javaRight);
        assertThat(wrong).isEmpty();
        assertThat(suggested).as("hosts that still get a suggestion").isGreaterThan(javaRight * 9 / 10);
    }

    /** Java's IDNA2003 form of a host, or null when it refuses it. */
    static String javaHost(String host) {
        try {
            return java.net.IDN.toASCII(host).toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ);
    /** UTS #46 errors WHATWG URL does not check (CheckHyphens and VerifyDnsLength are false there). */
    private static final Set<IDNA.Error> NOT_CHECKED_BY_BROWSERS = EnumSet.of(IDNA.Error.LEADING_HYPHEN,
            IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4, IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG);

    /** The host a browser sends for {@code host}, or null when it refuses it. */
    static String browserHost(String host) {
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(host, ascii, info);
        Set<IDNA.Error> errors = info.getErrors().isEmpty() ? EnumSet.noneOf(IDNA.Error.class) : EnumSet.copyOf(info.getErrors());
        errors.removeAll(NOT_CHECKED_BY_BROWSERS);
        return errors.isEmpty() ? ascii.toString() : null;
    }
}
