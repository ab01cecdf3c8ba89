package ai.connecty.athena.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputLocationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "s3://analytics-prod/athena/results/, s3://analytics-prod/athena/results/",
            "s3://analytics-prod/athena/results, s3://analytics-prod/athena/results/",
            "s3://athena-results, s3://athena-results/",
            "s3://athena-results/, s3://athena-results/",
            "S3://athena-results/x, s3://athena-results/x/",
            "s3://my.bucket-1/a/b/c, s3://my.bucket-1/a/b/c/",
    })
    void s3FormsAreNormalisedWithoutWarning(String input, String expected) throws SQLException {
        List<SQLWarning> warnings = new ArrayList<>();
        assertThat(OutputLocation.normalize(input, warnings)).isEqualTo(expected);
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://s3.amazonaws.com/analytics-prod/athena/results/, s3://analytics-prod/athena/results/",
            "https://s3.amazonaws.com/analytics-prod/athena/results, s3://analytics-prod/athena/results/",
            "https://s3.eu-west-1.amazonaws.com/analytics-prod/results/, s3://analytics-prod/results/",
            "https://s3-eu-west-1.amazonaws.com/analytics-prod/results/, s3://analytics-prod/results/",
            "https://analytics-prod.s3.amazonaws.com/athena/results/, s3://analytics-prod/athena/results/",
            "https://analytics-prod.s3.us-east-1.amazonaws.com/athena/, s3://analytics-prod/athena/",
            "https://my.dotted.bucket.s3.us-east-1.amazonaws.com/p, s3://my.dotted.bucket/p/",
            "https://analytics-prod.s3.amazonaws.com, s3://analytics-prod/",
            "https://s3.cn-north-1.amazonaws.com.cn/bucket-cn/r/, s3://bucket-cn/r/",
    })
    void httpsFormsAreRewrittenWithAWarning(String input, String expected) throws SQLException {
        List<SQLWarning> warnings = new ArrayList<>();
        assertThat(OutputLocation.normalize(input, warnings)).isEqualTo(expected);
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage())
                .contains(input).contains(expected).contains("rewritten"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://s3.amazonaws.com/bucket/prefix/",
            "s3://",
            "s3:///prefix",
            "s3:/bucket/prefix",
            "bucket/prefix",
            "s3://bucket/with space/",
            "s3://Upper-Case/x/",
            "s3://ab/x/",
            "s3://bad..bucket/x/",
            "s3://192.168.1.1/x/",
            "s3://bucket//double/",
            "https://example.com/bucket/prefix/",
            "https://s3.amazonaws.com/bucket/prefix/?versionId=1",
            "ftp://bucket/prefix",
    })
    void otherFormsAreRefusedShowingTheAcceptedOnes(String input) {
        assertThatThrownBy(() -> OutputLocation.normalize(input, new ArrayList<>()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("OutputLocation")
                .hasMessageContaining("Accepted forms: s3://bucket/prefix/")
                .hasMessageContaining("https://bucket.s3.<region>.amazonaws.com/prefix/")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://Upper-Case/x/", "s3://bad..bucket/x/"})
    void invalidBucketNameIsNamed(String input) {
        assertThatThrownBy(() -> OutputLocation.normalize(input, new ArrayList<>()))
                .hasMessageContaining("is not a valid S3 bucket name");
    }
}
