package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trino's IPADDRESS (IpAddressType, IpAddressOperators, IpAddressFunctions) through the translation on DuckDB:
 * literals and casts validated and printed canonically, the type named {@code ipaddress}, values ordered by their
 * 16 bytes, and {@code contains(cidr, address)}.
 */
class IpAddressesTest {

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    private static TranslatedRows result(String sql) {
        return TranslatedRows.run(DUCK.connection(), sql, "default");
    }

    private static String value(String sql) {
        return result(sql).rows.get(0)[0];
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        "SELECT IPADDRESS '10.0.0.1' => 10.0.0.1",
        "SELECT ipaddress '0.0.0.0' => 0.0.0.0",
        "SELECT IPADDRESS '2001:0DB8:0:0::1' => 2001:db8::1",
        "SELECT IPADDRESS '2001:db8:0:0:1:0:0:1' => 2001:db8::1:0:0:1",
        "SELECT IPADDRESS '2001:db8:0:1:1:1:1:1' => 2001:db8:0:1:1:1:1:1",
        "SELECT IPADDRESS '::' => ::",
        "SELECT IPADDRESS '::1' => ::1",
        "SELECT IPADDRESS '::ffff:1.2.3.4' => 1.2.3.4",
        "SELECT IPADDRESS '::ffff:102:304' => 1.2.3.4",
        "SELECT IPADDRESS '::1.2.3.4' => ::102:304",
        "SELECT IPADDRESS '64:ff9b::52f4' => 64:ff9b::52f4",
        "SELECT CAST('192.168.0.1' AS ipaddress) => 192.168.0.1",
        "SELECT CAST(CAST('FE80::0001' AS ipaddress) AS varchar) => fe80::1",
        "SELECT CAST(NULL AS ipaddress) => <null>",
        "SELECT CAST(CAST(NULL AS varchar) AS ipaddress) IS NULL => true",
        "SELECT TRY_CAST('bad' AS ipaddress) => <null>",
        "SELECT try(CAST('bad' AS ipaddress)) => <null>",
        "SELECT to_hex(CAST(IPADDRESS '1.2.3.4' AS varbinary)) => 00000000000000000000FFFF01020304",
        "SELECT CAST(X'01020304' AS ipaddress) => 1.2.3.4",
        "SELECT CAST(from_hex('20010db8000000000000000000000001') AS ipaddress) => 2001:db8::1",
        "SELECT typeof(IPADDRESS '10.0.0.1') => ipaddress",
        "SELECT typeof(CAST('::1' AS ipaddress)) => ipaddress",
        "SELECT typeof(ARRAY[IPADDRESS '10.0.0.1']) => array(ipaddress)",
        "SELECT ARRAY[IPADDRESS '10.0.0.1', IPADDRESS '::1'] => [10.0.0.1, ::1]",
        "SELECT CAST(IPADDRESS '10.0.0.1' AS varchar) || '/32' => 10.0.0.1/32",
        "SELECT typeof(CAST(NULL AS ipaddress)) => ipaddress",
        "SELECT typeof(coalesce(CAST(NULL AS ipaddress), IPADDRESS '::2')) => ipaddress",
        "SELECT CASE WHEN true THEN IPADDRESS '1.1.1.1' END => 1.1.1.1",
        "SELECT CAST(ip AS varchar) || '!' FROM (SELECT CAST('::1' AS ipaddress) ip) => ::1!",
        "SELECT CAST(ROW(IPADDRESS '1.2.3.4') AS ROW(a ipaddress)) => {a=1.2.3.4}",
        "SELECT map(ARRAY[IPADDRESS '1.2.3.4'], ARRAY[1]) => {1.2.3.4=1}",
        "SELECT array_sort(ARRAY[IPADDRESS '10.0.0.10', IPADDRESS '10.0.0.9']) => [10.0.0.9, 10.0.0.10]",
        "SELECT IPADDRESS '10.0.0.1' IN (IPADDRESS '::1', IPADDRESS '::ffff:a00:1') => true",
        "SELECT try(IPADDRESS 'bad') => <null>",
        // ordered by the 16 bytes, not by the text; IPv4 (::ffff:a.b.c.d) between ::1 and 2001::
        "SELECT IPADDRESS '10.0.0.2' < IPADDRESS '10.0.0.10' => true",
        "SELECT IPADDRESS '10.0.0.1' = IPADDRESS '::ffff:10.0.0.1' => true",
        "SELECT IPADDRESS '::1' < IPADDRESS '0.0.0.0' => true",
        "SELECT IPADDRESS '255.255.255.255' < IPADDRESS '2001:db8::' => true",
        "SELECT max(a) FROM (VALUES IPADDRESS '10.0.0.9', IPADDRESS '10.0.0.10') t(a) => 10.0.0.10",
        "SELECT min(CAST(a AS ipaddress)) FROM (VALUES '10.0.0.9', '10.0.0.10', '9.0.0.1') t(a) => 9.0.0.1",
        "SELECT count(DISTINCT CAST(a AS ipaddress)) FROM (VALUES '10.0.0.1', '::ffff:10.0.0.1', '10.0.0.01') t(a) => <error>",
    })
    void valuesAsTrinoPrintsThem(String sql, String expected) {
        if ("<error>".equals(expected)) {
            // 10.0.0.01: Trino (Guava's InetAddresses) refuses an octet with a leading zero
            assertThatThrownBy(() -> value(sql)).isInstanceOf(EngineFailure.class)
                    .hasMessage("INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: 10.0.0.01");
            return;
        }
        assertThat(value(sql)).isEqualTo(expected);
    }

    @Test
    void distinctAndOrderByUseTheAddress() {
        TranslatedRows rows = result("SELECT DISTINCT CAST(a AS ipaddress) AS ip FROM (VALUES '10.0.0.10', "
                + "'10.0.0.9', '::ffff:10.0.0.9', '2001:db8::1', '::1') t(a) ORDER BY ip");
        assertThat(rows.column(0)).containsExactly("::1", "10.0.0.9", "10.0.0.10", "2001:db8::1");
        TranslatedRows grouped = result("SELECT CAST(a AS ipaddress) AS ip, count(*) FROM (VALUES '10.0.0.1', "
                + "'::ffff:a00:1', '10.0.0.2') t(a) GROUP BY 1 ORDER BY 1 DESC");
        assertThat(TranslatedRows.joined(grouped.rows)).containsExactly("10.0.0.2 | 1", "10.0.0.1 | 2");
    }

    @Test
    void columnTypeIsIpaddress() {
        TranslatedRows rows = result("SELECT IPADDRESS '10.0.0.1' AS a, CAST('::1' AS ipaddress) AS b, "
                + "CAST(IPADDRESS '::1' AS varchar) AS c");
        assertThat(rows.columns).extracting(c -> c.type().athenaName()).containsExactly("ipaddress", "ipaddress",
                "varchar");
        assertThat(rows.columns.get(0).type().trinoName()).isEqualTo("ipaddress");
        assertThat(rows.columns.get(0).type().caseSensitive()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT IPADDRESS 'bad'|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: bad",
        "SELECT CAST('10.0.0.256' AS ipaddress)|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: 10.0.0.256",
        "SELECT CAST('10.1' AS ipaddress)|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: 10.1",
        "SELECT CAST('localhost' AS ipaddress)|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: localhost",
        "SELECT CAST('1:2:3:4:5:6:7:8:9' AS ipaddress)|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: 1:2:3:4:5:6:7:8:9",
        "SELECT CAST('1::2::3' AS ipaddress)|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: 1::2::3",
        "SELECT CAST('1:2:3:4:5:6:7::8' AS ipaddress)|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: 1:2:3:4:5:6:7::8",
        "SELECT CAST(' 10.0.0.1' AS ipaddress)|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS:  10.0.0.1",
        "SELECT CAST(X'010203' AS ipaddress)|INVALID_CAST_ARGUMENT: Invalid IP address binary length: 3",
        "SELECT ipaddress 'fe80::1%1'|INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: fe80::1%1",
        "SELECT CAST(1 AS ipaddress)|TYPE_MISMATCH: line 1:8: Cannot cast integer to ipaddress",
        "SELECT CAST(IPADDRESS '1.2.3.4' AS bigint)|TYPE_MISMATCH: line 1:8: Cannot cast ipaddress to bigint",
        "SELECT CAST(IPADDRESS '1.2.3.4' AS json)|TYPE_MISMATCH: line 1:8: Cannot cast ipaddress to json",
        "SELECT 1 WHERE CAST('10.0.0.1' AS ipaddress) = '10.0.0.1'|TYPE_MISMATCH: line 1:46: Cannot apply operator: ipaddress = varchar(8)",
        "SELECT contains('10.0.0.0/x', IPADDRESS '10.0.0.1')|GENERIC_INTERNAL_ERROR: For input string: \"x\"",
        "SELECT contains('10.0.0.0', IPADDRESS '10.0.0.1')|INVALID_FUNCTION_ARGUMENT: Invalid CIDR",
        "SELECT contains('10.0.0.1/8', IPADDRESS '10.0.0.1')|INVALID_FUNCTION_ARGUMENT: Invalid CIDR",
        "SELECT contains('10.0.0/8', IPADDRESS '10.0.0.1')|INVALID_FUNCTION_ARGUMENT: Invalid network IP address",
        "SELECT contains('10.0.0.0/33', IPADDRESS '10.0.0.1')|INVALID_FUNCTION_ARGUMENT: Prefix length exceeds address length",
        "SELECT contains('10.0.0.0/-1', IPADDRESS '10.0.0.1')|INVALID_FUNCTION_ARGUMENT: Invalid prefix length",
    })
    void failsAsTrino(String sql, String message) {
        assertThatThrownBy(() -> value(sql)).isInstanceOf(EngineFailure.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", nullValues = "<null>", value = {
        "SELECT contains('10.0.0.0/8', IPADDRESS '10.1.2.3') => true",
        "SELECT contains('10.0.0.0/8', CAST('11.0.0.1' AS IPADDRESS)) => false",
        "SELECT contains('0.0.0.0/0', IPADDRESS '203.0.113.9') => true",
        "SELECT contains('0.0.0.0/0', IPADDRESS '2001:db8::1') => false",
        "SELECT contains('::/0', IPADDRESS '2001:db8::1') => true",
        "SELECT contains('::/0', IPADDRESS '10.0.0.1') => false",
        "SELECT contains('2001:db8::/32', IPADDRESS '2001:db8:ffff::1') => true",
        "SELECT contains('2001:db8::1/32', IPADDRESS '2001:db8:ffff::1') => true",
        "SELECT contains('2001:db8::/32', IPADDRESS '2001:db9::1') => false",
        "SELECT contains('192.168.1.0/24', IPADDRESS '192.168.1.255') => true",
        "SELECT contains(NULL, IPADDRESS '10.0.0.1') => <null>",
        "SELECT contains('10.0.0.0/8', CAST(NULL AS ipaddress)) => <null>",
        "SELECT contains(ARRAY[1, 2], 2) => true",
        "SELECT contains(ARRAY['10.0.0.0/8'], '10.0.0.0/8') => true",
        "SELECT contains(n, CAST(a AS ipaddress)) FROM (VALUES ('10.0.0.0/8', '10.1.1.1')) t(n, a) => true",
    })
    void containsTestsTheNetwork(String sql, String expected) {
        assertThat(value(sql)).isEqualTo(expected);
    }

    /** AWS's examples for VPC flow logs: a CIDR test on a text column cast to IPADDRESS, in WHERE. */
    @Test
    void containsFiltersRowsOfATextColumn() {
        List<String> rows = result("SELECT srcaddr FROM (VALUES '10.0.1.5', '172.16.0.1', '10.200.0.1', "
                + "'192.168.0.9') flows(srcaddr) WHERE contains('10.0.0.0/8', CAST(srcaddr AS IPADDRESS)) "
                + "ORDER BY CAST(srcaddr AS IPADDRESS)").column(0);
        assertThat(rows).containsExactly("10.0.1.5", "10.200.0.1");
    }
}
