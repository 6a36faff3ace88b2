package dev.corsfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6AddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "::1,                                      ::1",
            "0:0:0:0:0:0:0:1,                          ::1",
            "0000:0000:0000:0000:0000:0000:0000:0001,  ::1",
            "0::1,                                     ::1",
            "::,                                       ::",
            "0:0:0:0:0:0:0:0,                          ::",
            "0::0,                                     ::",
            "2001:db8::1,                              2001:db8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001,  2001:db8::1",
            "2001:DB8::1,                              2001:db8::1",
            "ABCD:EF01::,                              abcd:ef01::",
            "1::,                                      1::",
            "1:0:0:0:0:0:0:0,                          1::",
            "fe80::1:2,                                fe80::1:2",
            "0001:02:003::,                            1:2:3::",
            "1:2:3:4:5:6:7:8,                          1:2:3:4:5:6:7:8",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void writesLowerCaseHexWithoutLeadingZerosAndCompressesZeros(String input, String canonical) {
        assertThat(Ipv6Address.canonical(input)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "::ffff:1.2.3.4,             ::ffff:102:304",
            "::ffff:127.0.0.1,           ::ffff:7f00:1",
            "::1.2.3.4,                  ::102:304",
            "0:0:0:0:0:ffff:1.2.3.4,     ::ffff:102:304",
            "1:2:3:4:5:6:1.2.3.4,        1:2:3:4:5:6:102:304",
            "64:ff9b::192.0.2.33,        64:ff9b::c000:221",
            "::ffff:0.0.0.0,             ::ffff:0:0",
            "::255.255.255.255,          ::ffff:ffff",
    })
    void writesAnEmbeddedIpv4PartAsHex(String input, String canonical) {
        assertThat(Ipv6Address.canonical(input)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2001:0:0:1:0:0:0:1,   2001:0:0:1::1",
            "0:0:1:0:0:0:1:0,      0:0:1::1:0",
            "1:0:0:2:0:0:0:0,      1:0:0:2::",
    })
    void compressesTheLongestRunOfZeros(String input, String canonical) {
        assertThat(Ipv6Address.canonical(input)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2001:db8:0:0:1:0:0:1,   2001:db8::1:0:0:1",
            "0:0:0:1:0:0:0:1,        ::1:0:0:0:1",
            "1:0:0:2:0:0:3:4,        1::2:0:0:3:4",
    })
    void compressesTheFirstOfEquallyLongRuns(String input, String canonical) {
        assertThat(Ipv6Address.canonical(input)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2001:db8:0:1:1:1:1:1,     2001:db8:0:1:1:1:1:1",
            "1:2:3:4:5:6:7::,          1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8,          0:2:3:4:5:6:7:8",
            "1:0:2:0:3:0:4:0,          1:0:2:0:3:0:4:0",
    })
    void neverCompressesASingleZero(String input, String canonical) {
        assertThat(Ipv6Address.canonical(input)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", ":", ":::", "1:::2", "::1::", "1::2::3", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::",
            "1:2:3:4::5:6:7:8", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
            ":1::", "12345::", "00000::1", "g::", "::fffg", "::-1", "::+1", " ::1", "::1 ", "[::1]", "fe80::1%eth0",
            "::ffff:1.2.3", "::ffff:1.2.3.4.5", "::ffff:256.1.1.1", "::ffff:01.2.3.4", "::ffff:1.2.3.",
            "::ffff:1..3.4", "::ffff:1.2.3.4a", "::ffff:0x1.2.3.4", "::1.2.3.4:5", "1.2.3.4::", "1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6::1.2.3.4", "::ffff:1.2.3.-4", "::ffff:1.2.3.1000", "localhost"})
    void returnsNullForAnythingThatIsNotAnIpv6Address(String input) {
        assertThat(Ipv6Address.canonical(input)).isNull();
    }
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"::\u0661", "::\uFF11", "\uFF12001:db8::1", "::\uFF41"})
    void returnsNullForNonAsciiDigits(String input) {
        assertThat(Ipv6Address.canonical(input)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"::1", "::", "2001:db8::1", "::ffff:102:304", "2001:db8::1:0:0:1", "1:2:3:4:5:6:7:8",
            "fe80::1:2"})
    void theCanonicalFormIsAFixedPoint(String canonical) {
        assertThat(Ipv6Address.canonical(canonical)).isEqualTo(canonical);
    }
}
