package dev.corsfilter.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VaryHeaderTest {

    @ParameterizedTest(name = "[{0}] + [{1}] = [{2}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | Origin | Origin",
            "'' | Origin | Origin",
            "Accept-Encoding | Origin | Accept-Encoding, Origin",
            "Origin | Origin | Origin",
            "origin | Origin | origin",
            "Accept-Encoding, ORIGIN | Origin | Accept-Encoding, ORIGIN",
            "* | Origin | *",
            "Accept-Encoding,* | Origin | Accept-Encoding,*",
            "Accept | Origin, Access-Control-Request-Method | Accept, Origin, Access-Control-Request-Method",
            "Origin | Origin, Access-Control-Request-Method | Origin, Access-Control-Request-Method",
            "Originals | Origin | Originals, Origin",
            "' Accept-Encoding ' | Origin | Accept-Encoding, Origin",
    })
    void mergesWithoutDuplicatesOrLosses(String existing, String additions, String expected) {
        assertThat(VaryHeader.merge(existing, additions)).isEqualTo(expected);
    }
}
