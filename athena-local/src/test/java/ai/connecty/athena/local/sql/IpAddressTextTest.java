package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address text Trino's IPADDRESS cast reads (Guava's InetAddresses rules) and the text it prints. */
class IpAddressTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
        "1.2.3.4 => 00000000000000000000ffff01020304",
        "255.255.255.255 => 00000000000000000000ffffffffffff",
        ":: => 00000000000000000000000000000000",
        "::1 => 00000000000000000000000000000001",
        "1:: => 00010000000000000000000000000000",
        "ABCD:EF01:2345:6789:abcd:ef01:2345:6789 => abcdef0123456789abcdef0123456789",
        "1:2:3:4:5:6:7:8 => 00010002000300040005000600070008",
        "1:2:3:4:5:6:1.2.3.4 => 00010002000300040005000601020304",
        "1::2:3 => 00010000000000000000000000020003",
        "::ffff:1.2.3.4 => 00000000000000000000ffff01020304",
        "0001:002:03::0 => 00010002000300000000000000000000",
    })
    void parsesLiteralAddresses(String text, String hex) {
        assertThat(HexFormat.of().formatHex(IpAddressText.parse(text))).isEqualTo(hex);
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.-4", "1.2.3.4 ", "a.b.c.d",
        "example.com", "localhost", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
        "1::2::3", ":::", "12345::", "g::", "::1.2.3", "1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4",
        "[::1]", "::%1", "\uff11.2.3.4"})
    void refusesEverythingElse(String text) {
        assertThat(IpAddressText.parse(text)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
        "00000000000000000000ffff0a000001 => 10.0.0.1",
        "00000000000000000000000000000000 => ::",
        "00000000000000000000000000000001 => ::1",
        "00000000000000000000000001020304 => ::102:304",
        "20010db8000000000000000000000001 => 2001:db8::1",
        "20010db8000000010000000000000001 => 2001:db8:0:1::1",
        "20010db8000000000001000000000001 => 2001:db8::1:0:0:1",
        "20010db8000000010001000100010001 => 2001:db8:0:1:1:1:1:1",
        "00010000000000000000000000000000 => 1::",
        "0000ffff00000000000000000000ffff => 0:ffff::ffff",
        "ffffffffffffffffffffffffffffffff => ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void printsAsTrino(String hex, String text) {
        assertThat(IpAddressText.format(HexFormat.of().parseHex(hex))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"00000000000000000000000000000000", "00000000000000000000ffff0a000001",
        "ffffffffffffffffffffffffffffffff", "80000000000000000000000000000000"})
    void numbersRoundTrip(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(IpAddressText.bytes(IpAddressText.number(bytes))).isEqualTo(bytes);
    }
}
