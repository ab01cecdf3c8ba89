package ai.connecty.athena.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {

    private static Map<String, String> pairs(String url) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        ConnectionUrl.parse(url).pairs().forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    @Test
    void acceptsOnlyItsOwnPrefixIgnoringSchemeCase() {
        assertThat(ConnectionUrl.accepts("jdbc:connecty-athena://")).isTrue();
        assertThat(ConnectionUrl.accepts("JDBC:Connecty-Athena://Region=us-east-1")).isTrue();
        assertThat(ConnectionUrl.accepts("jdbc:athena://Region=us-east-1")).isFalse();
        assertThat(ConnectionUrl.accepts("jdbc:connecty-athena:")).isFalse();
        assertThat(ConnectionUrl.accepts(null)).isFalse();
    }

    @Test
    void bareUrlHasNoPairs() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:connecty-athena://");
        assertThat(url.pairs()).isEmpty();
        assertThat(url.hostSegment()).isEmpty();
    }

    @Test
    void splitsPairsTrimsWhitespaceAndToleratesTrailingAndDoubleSemicolons() throws SQLException {
        assertThat(pairs("jdbc:connecty-athena:// Region = us-east-1 ;;WorkGroup=analytics;"))
                .containsExactly(Map.entry("Region", "us-east-1"), Map.entry("WorkGroup", "analytics"));
    }

    @Test
    void bracedValuesMayContainSemicolonsAndEquals() throws SQLException {
        assertThat(pairs("jdbc:connecty-athena://Password={a;b=c};Region=us-east-1"))
                .containsExactly(Map.entry("Password", "a;b=c"), Map.entry("Region", "us-east-1"));
        assertThat(pairs("jdbc:connecty-athena://ApplicationName= {x;y} "))
                .containsExactly(Map.entry("ApplicationName", "x;y"));
    }

    @Test
    void valueMayContainEqualsWithoutBraces() throws SQLException {
        assertThat(pairs("jdbc:connecty-athena://Password=abc=def"))
                .containsExactly(Map.entry("Password", "abc=def"));
    }

    @Test
    void firstFragmentWithoutEqualsIsTheHostSegment() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse(
                "jdbc:connecty-athena://athena.us-east-1.amazonaws.com:443;Region=us-east-1");
        assertThat(url.hostSegment()).contains("athena.us-east-1.amazonaws.com:443");
        assertThat(url.pairs()).hasSize(1);
        assertThat(ConnectionUrl.parse("jdbc:connecty-athena://http://127.0.0.1:4566;Region=us-east-1")
                .hostSegment()).contains("http://127.0.0.1:4566");
    }

    @Test
    void fragmentWithoutEqualsElsewhereIsRefusedNamingIt() {
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://Region=us-east-1;WorkGroup"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("'WorkGroup'")
                .hasMessageContaining("Key=Value")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        // A lone word first is a forgotten '=' rather than a host.
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://Region"))
                .hasMessageContaining("'Region'");
    }

    @Test
    void missingKeyIsRefused() {
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://=us-east-1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("property name is missing");
    }

    @Test
    void unclosedBraceIsRefusedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://Password={s3cr3t;Region=x"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Password")
                .hasMessageContaining("never closed")
                .hasMessageNotContaining("s3cr3t");
    }

    /** A secret with an unbraced ';' leaves its tail as a fragment of its own: that tail must not be shown. */
    @Test
    void fragmentAfterASecretValueIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> ConnectionUrl.parse(
                "jdbc:connecty-athena://Region=us-east-1;ProxyPWD=pr0xy;T41Lsecret;ProxyHost=p"))
                .isInstanceOf(SQLException.class)
                .hasMessageNotContaining("T41Lsecret")
                .hasMessageContaining("ProxyPWD")
                .hasMessageContaining("ProxyPWD={")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://Password=abc;;T41Lsecret"))
                .hasMessageNotContaining("T41Lsecret");
    }

    /** 'ProxyPWD=p1;p2=p3;T41Lsecret' is most likely the secret 'p1;p2=p3;T41Lsecret': its last part too is hidden. */
    @Test
    void aFragmentAfterUnknownPairsThatFollowASecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> ConnectionUrl.parse(
                "jdbc:connecty-athena://Region=us-east-1;ProxyPWD=p1;p2=p3;T41Lsecret;ProxyHost=p"))
                .isInstanceOf(SQLException.class)
                .hasMessage("Malformed text follows the value of ProxyPWD in the connection URL (not shown: it may be part"
                        + " of that secret value). A value that contains ';' must be wrapped in braces: ProxyPWD={...}");
        // A known key ends what the secret may hold: text after it is shown.
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://ProxyPWD=p1;Region=us-east-1;oops"))
                .hasMessageStartingWith("Malformed fragment 'oops' in the connection URL");
    }

    @Test
    void textAfterClosingBraceIsRefused() {
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://ApplicationName={a}b;Region=x"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("ApplicationName");
    }

    @Test
    void foreignUrlIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:athena://Region=us-east-1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(ConnectionUrl.PREFIX);
    }

    @Test
    void maskedFormHidesSecretValuesUnderEveryAliasAndKeepsTheRest() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:connecty-athena://athena.example.com:443;Region=us-east-1;"
                + "User=AKID;secretaccesskey=s3cr3t;SessionToken={tok;en};ProxyPWD=pp;Catalog={a;b}");

        assertThat(url.withSecretsMasked()).isEqualTo("jdbc:connecty-athena://athena.example.com:443;Region=us-east-1;"
                + "User=AKID;secretaccesskey=****;SessionToken=****;ProxyPWD=****;Catalog={a;b};");
    }

    /**
     * 'Password=ab;cd=ef;gh=ij' is most likely the secret 'ab;cd=ef;gh=ij' without braces: getURL hides its tail as
     * messages and warnings do, up to the next known key.
     */
    @Test
    void maskedFormHidesTheUnknownPairsThatFollowASecret() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:connecty-athena://Region=us-east-1;Password=ab;cd=ef;gh=ij;"
                + "WorkGroup=primary;kl=mn");

        assertThat(url.withSecretsMasked()).isEqualTo("jdbc:connecty-athena://Region=us-east-1;Password=****;cd=****;"
                + "gh=****;WorkGroup=primary;kl=mn;");
    }

    /**
     * getURL shows the properties given beside the URL (a DataSource gives all of them that way): under their
     * canonical names, in the property table's order, after the URL's own pairs, which win; keys that name no
     * property are left out; secrets are masked as in the URL.
     */
    @Test
    void propertiesBesideTheUrlAreShownAfterItsPairsWhichWin() throws SQLException {
        java.util.Properties info = new java.util.Properties();
        info.setProperty("workgroup", "analytics");
        info.setProperty("AwsRegion", "eu-west-1");
        info.setProperty("SecretAccessKey", "s3cr3t");
        info.setProperty("ApplicationName", "nightly;batch");
        info.setProperty("OutputLocation", "s3://elsewhere/");
        info.setProperty("NotAProperty", "x");

        ConnectionUrl url = ConnectionUrl.parse("jdbc:connecty-athena://OutputLocation=s3://results/").withPropertiesBeside(info);

        assertThat(url.withSecretsMasked()).isEqualTo("jdbc:connecty-athena://OutputLocation=s3://results/;Region=eu-west-1;"
                + "WorkGroup=analytics;password=****;ApplicationName={nightly;batch};");
        assertThat(ConnectionUrl.parse(url.withSecretsMasked()).pairs()).hasSize(5);
        assertThat(ConnectionUrl.parse("jdbc:connecty-athena://Region=us-east-1").withPropertiesBeside(new java.util.Properties())
                .withSecretsMasked()).isEqualTo("jdbc:connecty-athena://Region=us-east-1;");
    }

    @Test
    void aSemicolonRightAfterThePrefixIsAnEmptyFragment() throws SQLException {
        assertThat(pairs("jdbc:connecty-athena://;Region=us-east-1")).containsExactly(Map.entry("Region", "us-east-1"));
    }

    @Test
    void aKeyWithNothingAfterItsEqualsHasAnEmptyValue() throws SQLException {
        assertThat(pairs("jdbc:connecty-athena://Region=us-east-1;WorkGroup=")).containsExactly(
                Map.entry("Region", "us-east-1"), Map.entry("WorkGroup", ""));
    }

    @Test
    void aMissingKeyIsRefusedNamingTheFragment() {
        assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:connecty-athena://Region=us-east-1; =x"))
                .isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "08001")
                .hasMessage("Malformed fragment ' =' in the connection URL: a property name is missing before '='");
    }

    @Test
    void aMaskedValueThatStartsWithASemicolonIsBraced() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:connecty-athena://ApplicationName={;x}");
        assertThat(url.withSecretsMasked()).isEqualTo("jdbc:connecty-athena://ApplicationName={;x};");
        assertThat(pairs(url.withSecretsMasked())).containsExactly(Map.entry("ApplicationName", ";x"));
    }

    @Test
    void leniently_anotherDriversUrlOrNullHasNothing() {
        for (String url : new String[] {null, "jdbc:athena://Region=us-east-1"}) {
            ConnectionUrl parsed = ConnectionUrl.parseLeniently(url);
            assertThat(parsed.pairs()).as(url).isEmpty();
            assertThat(parsed.hostSegment()).as(url).isEmpty();
        }
    }

    /** What Driver.getPropertyInfo reads of a URL being typed: each fragment that cannot be read is skipped. */
    @Test
    void leniently_whatDoesNotParseIsSkipped() {
        assertThat(ConnectionUrl.parseLeniently("jdbc:connecty-athena://athena.example.com;Region=us-east-1;oops;"
                + " =x;ApplicationName={a;b} tail;WorkGroup=wg").pairs()).containsExactly(
                Map.entry("Region", "us-east-1"), Map.entry("ApplicationName", "a;b"), Map.entry("WorkGroup", "wg"));
        assertThat(ConnectionUrl.parseLeniently("jdbc:connecty-athena://athena.example.com;Region=us-east-1")
                .hostSegment()).contains("athena.example.com");
        assertThat(ConnectionUrl.parseLeniently("jdbc:connecty-athena://ApplicationName={a;b} tail").pairs())
                .containsExactly(Map.entry("ApplicationName", "a;b"));
        assertThat(ConnectionUrl.parseLeniently("jdbc:connecty-athena://=x;Region=us-east-1").pairs())
                .containsExactly(Map.entry("Region", "us-east-1"));
    }

    /** An unclosed brace is left out up to the next ';', so that it does not swallow the pairs after it. */
    @Test
    void leniently_anUnclosedBraceEndsAtTheNextSemicolon() {
        assertThat(ConnectionUrl.parseLeniently("jdbc:connecty-athena://Region=us-east-1;Password={abc;WorkGroup=wg")
                .pairs()).containsExactly(Map.entry("Region", "us-east-1"), Map.entry("WorkGroup", "wg"));
        assertThat(ConnectionUrl.parseLeniently("jdbc:connecty-athena://Region=us-east-1;Password={abc").pairs())
                .containsExactly(Map.entry("Region", "us-east-1"));
    }
}
