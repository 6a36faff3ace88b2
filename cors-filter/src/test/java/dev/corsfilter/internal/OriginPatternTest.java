package dev.corsfilter.internal;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

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
}
