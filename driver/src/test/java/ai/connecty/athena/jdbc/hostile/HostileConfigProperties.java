package ai.connecty.athena.jdbc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.AthenaDriver;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.config.ConnectionProperty;
import ai.connecty.athena.jdbc.config.OutputLocation;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * URLs, property values and output locations as a hostile or careless user types them, through
 * {@link AthenaDriver#getPropertyInfo} and {@link ConnectionConfig#parse} (all that connect does before it builds
 * the AWS clients). Region is always given first, so no SDK region lookup runs; a later Region wins.
 */
class HostileConfigProperties {
    private static final String PREFIX = "jdbc:connecty-athena://";
    private final AthenaDriver driver = new AthenaDriver();

    @Provide
    Arbitrary<String> propertyNames() {
        return Arbitraries.of(ConnectionProperty.allNames()).flatMap(name -> Arbitraries.oneOf(
                Arbitraries.just(name), Arbitraries.just(name.toLowerCase()), Arbitraries.just(" " + name + " ")));
    }

    /** Anything, plus the characters URL syntax gives meaning to, plus values shaped like the expected ones. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars(";={}\"'\\ %&?#:/@[]\u0000\t\n").ofMaxLength(12),
                Arbitraries.strings().numeric().ofMaxLength(25).flatMap(s -> Arbitraries.of(s, "-" + s)),
                Arbitraries.of("true", "false", "1", "0", "yes", "NaN", "Infinity", "1e309", "0x10", "１２", "",
                        "s3://", "s3:///x", "s3://b/k", "http://127.0.0.1:1", "https://", "us-east-1", "{x}", "{", "}"));
    }

    @Property
    void anyUrlTailParsesOrIsRefusedWithASqlState(@ForAll @StringLength(max = 200) String tail) {
        Outcomes.onlySqlExceptions("URL tail " + tail, () -> driver.getPropertyInfo(PREFIX + tail, new Properties()));
        Outcomes.onlySqlExceptions("URL tail " + tail,
                () -> ConnectionConfig.parse(PREFIX + "Region=us-east-1;" + tail, new Properties()));
        Outcomes.onlySqlExceptions("acceptsURL " + tail, () -> driver.acceptsURL(tail));
    }

    @Property
    void anyValueOfAnyPropertyInTheUrlParsesOrIsRefused(@ForAll("propertyNames") String name,
                                                         @ForAll("values") String value) {
        String url = PREFIX + "Region=us-east-1;" + name + "=" + value;
        Outcomes.onlySqlExceptions(url, () -> driver.getPropertyInfo(url, new Properties()));
        Outcomes.onlySqlExceptions(url, () -> ConnectionConfig.parse(url, new Properties()));
    }

    @Property
    void anyValueOfAnyPropertyInPropertiesParsesOrIsRefused(@ForAll("propertyNames") String name,
                                                            @ForAll("values") String value) {
        Properties info = new Properties();
        info.setProperty("Region", "us-east-1");
        info.setProperty(name, value);
        Outcomes.onlySqlExceptions(name + "=" + value, () -> {
            DriverPropertyInfo[] infos = driver.getPropertyInfo(PREFIX, info);
            assertThat(infos).isNotEmpty();
        });
        Outcomes.onlySqlExceptions(name + "=" + value, () -> ConnectionConfig.parse(PREFIX, info));
    }

    @Property
    void anyOutputLocationIsNormalisedOrRefused(@ForAll("values") String value,
                                                @ForAll @StringLength(max = 30) String tail) {
        List<SQLWarning> warnings = new ArrayList<>();
        Outcomes.onlySqlExceptions("OutputLocation " + value + tail, () -> {
            String normalised = OutputLocation.normalize(value + tail, warnings);
            assertThat(normalised).startsWith("s3://");
        });
        assertThat(warnings).allSatisfy(w -> assertThat(w.getSQLState()).startsWith("01"));
    }

    /** A secret typed into the wrong place, or refused, is never echoed. */
    @Property
    void secretsAreNeverEchoed(@ForAll @AlphaChars @NumericChars @StringLength(min = 16, max = 40) String secret,
                               @ForAll("values") String other) {
        Properties info = new Properties();
        info.setProperty("SecretAccessKey", secret);
        info.setProperty("SessionToken", secret + "TOKEN");
        info.setProperty("ProxyPassword", secret + "PROXY");
        String url = PREFIX + "Region=us-east-1;AccessKeyId=AKIDEXAMPLE;FetchSize=" + other;
        try {
            for (DriverPropertyInfo property : driver.getPropertyInfo(url, info)) {
                assertThat(String.valueOf(property.value)).doesNotContain(secret);
                assertThat(String.valueOf(property.description)).doesNotContain(secret);
            }
            ConnectionConfig config = ConnectionConfig.parse(url, info);
            assertThat(config.toString()).doesNotContain(secret);
            assertThat(config.warnings()).allSatisfy(w -> assertThat(w.getMessage()).doesNotContain(secret));
        } catch (SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            }
        }
    }
}
