package dev.corsfilter.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.corsfilter.internal.RequestHeaderList.Verdict.ALLOWED;
import static dev.corsfilter.internal.RequestHeaderList.Verdict.ALLOWED_NOT_COMPACT;
import static dev.corsfilter.internal.RequestHeaderList.Verdict.EMPTY;
import static dev.corsfilter.internal.RequestHeaderList.Verdict.MALFORMED;
import static dev.corsfilter.internal.RequestHeaderList.Verdict.NOT_ALLOWED;
import static dev.corsfilter.internal.RequestHeaderList.Verdict.TOO_LARGE;
import static org.assertj.core.api.Assertions.assertThat;

class RequestHeaderListTest {

    static final AsciiSet ALLOWED_NAMES = AsciiSet.caseInsensitive(List.of("content-type", "x-request-id", "authorization"));

    static RequestHeaderList.Verdict check(String value) {
        return RequestHeaderList.verdict(RequestHeaderList.check(value, ALLOWED_NAMES, false));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "content-type,x-request-id | ALLOWED",
            "x-request-id | ALLOWED",
            "Content-Type,X-Request-ID | ALLOWED",
            "'' | EMPTY",
            "'   ' | EMPTY",
            "',' | EMPTY",
            "content-type, x-request-id | ALLOWED_NOT_COMPACT",
            "' content-type' | ALLOWED_NOT_COMPACT",
            "content-type,,x-request-id | ALLOWED_NOT_COMPACT",
            "content-type, | ALLOWED_NOT_COMPACT",
            "content-type,x-trace-id | NOT_ALLOWED",
            "x-trace-id,content-type | NOT_ALLOWED",
            "content-type;x-request-id | MALFORMED",
            "content type | MALFORMED",
    })
    void checksEveryNameOfTheList(String value, RequestHeaderList.Verdict expected) {
        assertThat(check(value)).isEqualTo(expected);
    }

    @Test
    void acceptsTabsAsWhiteSpaceButNoOtherControlCharacter() {
        assertThat(check("\tcontent-type\t")).isEqualTo(ALLOWED_NOT_COMPACT);
        assertThat(check("content-type,x-request-id\u0000")).isEqualTo(MALFORMED);
        assertThat(check("content-type\r\nx-evil: 1")).isEqualTo(MALFORMED);
        assertThat(check("content-type\n")).isEqualTo(MALFORMED);
        assertThat(check("cont\u00e9nt-type")).isEqualTo(MALFORMED);
        assertThat(check("content-type\u007f")).isEqualTo(MALFORMED);
    }

    @Test
    void capsTheWork() {
        assertThat(check("a".repeat(RequestHeaderList.MAX_LENGTH + 1))).isEqualTo(TOO_LARGE);
        assertThat(check(",".repeat(RequestHeaderList.MAX_EMPTY_ELEMENTS + 2))).isEqualTo(TOO_LARGE);
        assertThat(check(",".repeat(RequestHeaderList.MAX_EMPTY_ELEMENTS - 1))).isEqualTo(EMPTY);
        assertThat(check("content-type,".repeat(RequestHeaderList.MAX_ELEMENTS) + "content-type")).isEqualTo(TOO_LARGE);
        assertThat(check(String.join(",", java.util.Collections.nCopies(RequestHeaderList.MAX_ELEMENTS, "content-type"))))
                .isEqualTo(ALLOWED);
    }

    @Test
    void wildcardCoversEveryNameButAuthorization() {
        AsciiSet none = AsciiSet.caseInsensitive(List.of());
        assertThat(RequestHeaderList.verdict(RequestHeaderList.check("x-anything,x-else", none, true))).isEqualTo(ALLOWED);
        assertThat(RequestHeaderList.verdict(RequestHeaderList.check("x-anything,authorization", none, true)))
                .isEqualTo(NOT_ALLOWED);
        assertThat(RequestHeaderList.verdict(RequestHeaderList.check("AUTHORIZATION", none, true))).isEqualTo(NOT_ALLOWED);
        AsciiSet authorization = AsciiSet.caseInsensitive(List.of("authorization"));
        assertThat(RequestHeaderList.verdict(RequestHeaderList.check("x-anything,authorization", authorization, true)))
                .isEqualTo(ALLOWED);
    }

    @Test
    void pointsAtTheRefusedElement() {
        String value = "content-type, x-trace-id ,x-request-id";
        long result = RequestHeaderList.check(value, ALLOWED_NAMES, false);
        assertThat(RequestHeaderList.verdict(result)).isEqualTo(NOT_ALLOWED);
        assertThat(RequestHeaderList.elementAt(value, RequestHeaderList.position(result))).isEqualTo("x-trace-id");
    }

    @Test
    void compactFormDropsWhiteSpaceAndEmptyElements() {
        assertThat(RequestHeaderList.compact(" content-type ,, X-Request-Id,\t")).isEqualTo("content-type,X-Request-Id");
        assertThat(check(RequestHeaderList.compact(" content-type ,, X-Request-Id,\t"))).isEqualTo(ALLOWED);
        assertThat(ALLOWED_NOT_COMPACT).isNotEqualTo(MALFORMED);
    }
}
