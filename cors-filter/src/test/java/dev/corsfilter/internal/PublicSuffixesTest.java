package dev.corsfilter.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublicSuffixesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "com, true",
            "io, true",
            "internal, true",
            "co.uk, true",
            "github.io, true",
            "vercel.app, true",
            "herokuapp.com, true",
            "anything.ck, true",
            "www.ck, false",
            "xn--55qx5d.cn, true",
            "example.com, false",
            "example.co.uk, false",
            "me.github.io, false",
            "preview.example.com, false",
    })
    void followsThePublicSuffixListRules(String domain, boolean expected) {
        assertThat(PublicSuffixes.isPublicSuffix(domain)).isEqualTo(expected);
    }
}
