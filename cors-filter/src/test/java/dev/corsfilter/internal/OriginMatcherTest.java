package dev.corsfilter.internal;

import dev.corsfilter.PolicyProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OriginMatcherTest {

    static OriginMatcher matcher(String... origins) {
        List<PolicyProblem> problems = new ArrayList<>();
        List<OriginPattern> patterns = new ArrayList<>();
        for (String origin : origins) {
            patterns.add(OriginPattern.parse(origin, "allowedOrigins", problems));
        }
        assertThat(problems).isEmpty();
        return new OriginMatcher(patterns, false);
    }

    static final OriginMatcher MATCHER = matcher("https://app.example.com", "https://*.preview.example.com",
            "http://localhost:*", "https://*.example.org:8443", "http://[::1]:*", "https://api.example.com:9000",
            "https://*.any.example:*");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://app.example.com, true",
            "https://pr-123.preview.example.com, true",
            "https://a.b.c.preview.example.com, true",
            "http://localhost, true",
            "http://localhost:5173, true",
            "http://localhost:65535, true",
            "https://x.example.org:8443, true",
            "http://[::1]:8080, true",
            "https://api.example.com:9000, true",
            "https://a.any.example:1234, true",
            "https://a.any.example, true",
            // exact, byte for byte
            "https://APP.example.com, false",
            "HTTPS://app.example.com, false",
            "https://app.example.com:443, false",
            "https://app.example.com/, false",
            "http://app.example.com, false",
            "https://app.example.com., false",
            "' https://app.example.com', false",
            // label boundaries
            "https://preview.example.com, false",
            "https://evilpreview.example.com, false",
            "https://pr-123.preview.example.com.evil.net, false",
            "https://pr-123.preview.example.comevil, false",
            "https://.preview.example.com, false",
            "https://a..preview.example.com, false",
            "https://A.preview.example.com, false",
            "https://a.preview.example.com:443, false",
            "https://a.preview.example.com:8443, false",
            "http://a.preview.example.com, false",
            "https://a%2e.preview.example.com, false",
            "https://a@b.preview.example.com, false",
            // ports
            "http://localhost:0, false",
            "http://localhost:080, false",
            "http://localhost:65536, false",
            "http://localhost:, false",
            "http://localhost:80a, false",
            "http://localhost.:80, false",
            "http://sub.localhost:80, false",
            "https://x.example.org, false",
            "https://x.example.org:8444, false",
            "https://api.example.com, false",
            "http://[::1, false",
            "http://[::2]:80, false",
            // not origins
            "null, false",
            "'', false",
            "*, false",
            "https://, false",
            "://app.example.com, false",
    })
    void matchesOnlyWhatABrowserSendsForAnAllowedOrigin(String origin, boolean expected) {
        assertThat(MATCHER.matches(origin)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndOverlongValuesWithoutReadingThem() {
        assertThat(MATCHER.matches(null)).isFalse();
        String longHost = "https://" + "a.".repeat(600) + "preview.example.com";
        assertThat(longHost.length()).isGreaterThan(OriginMatcher.MAX_ORIGIN_LENGTH);
        assertThat(MATCHER.matches(longHost)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void tenThousandOriginsAreAllFoundAndNothingElse() {
        String[] origins = IntStream.range(0, 10_000).mapToObj(i -> "https://app" + i + ".example.com")
                .toArray(String[]::new);
        OriginMatcher many = matcher(origins);
        for (String origin : origins) {
            assertThat(many.matches(origin)).isTrue();
        }
        assertThat(many.matches("https://app10000.example.com")).isFalse();
        assertThat(many.matches("https://app1.example.co")).isFalse();
    }
}
