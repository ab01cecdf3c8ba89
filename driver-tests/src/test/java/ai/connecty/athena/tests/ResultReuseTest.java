package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * EnableResultReuseByAge through the driver under the guide's role: a reused query's OutputLocation is the
 * earlier query's {@code <id>.csv}, and both transports read the same rows from it as from the first run.
 */
@ExtendWith(LocalAthenaExtension.class)
class ResultReuseTest {

    private static LocalAthena athena;

    private record Run(String queryId, boolean reused, String transport, List<List<String>> rows) {
    }

    private static Run run(String sql, String fetcher) throws SQLException {
        try (Connection c = Connections.connectyUser(athena, "EnableResultReuseByAge=true", "ResultFetcher=" + fetcher);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat((Object) c.getWarnings()).as("connection warnings").isNull();
            AthenaResultSet athenaRs = rs.unwrap(AthenaResultSet.class);
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getString(1), rs.getString(2)));
            }
            assertThat((Object) s.getWarnings()).as("statement warnings (a fallback would warn)").isNull();
            return new Run(athenaRs.getQueryExecutionId(), athenaRs.getQueryStatistics().reusedPreviousResult(),
                    athenaRs.getResultTransport(), rows);
        }
    }

    @Test
    void aReusedResultIsTheEarlierFileReadTheSameThroughS3AndGetQueryResults() throws SQLException {
        String sql = "SELECT n, CASE n % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE CAST(n AS varchar) END AS v "
                + "FROM UNNEST(sequence(1, 5000)) AS t(n) ORDER BY n /* " + UUID.randomUUID() + " */";
        Run first = run(sql, "S3");
        Run fromS3 = run(sql, "S3");
        Run fromApi = run(sql, "GetQueryResults");

        assertThat(first.reused()).isFalse();
        assertThat(fromS3.reused()).isTrue();
        assertThat(fromApi.reused()).isTrue();
        assertThat(List.of(first.queryId(), fromS3.queryId(), fromApi.queryId())).doesNotHaveDuplicates();
        assertThat(List.of(first.transport(), fromS3.transport(), fromApi.transport()))
                .containsExactly("S3", "S3", "GetQueryResults");
        assertThat(first.rows()).hasSize(5000);
        assertThat(first.rows().subList(0, 3)).containsExactly(List.of("1", ""), List.of("2", "2"), Arrays.asList("3", null));
        assertThat(fromS3.rows()).isEqualTo(first.rows());
        assertThat(fromApi.rows()).isEqualTo(first.rows());
        // Nothing was written for the reused ids: their files would sit beside the first one.
        assertThat(athena.buckets().root().resolve(LocalAthena.RESULTS_BUCKET).resolve(first.queryId() + ".csv"))
                .exists();
        for (Run reused : List.of(fromS3, fromApi)) {
            assertThat(athena.buckets().root().resolve(LocalAthena.RESULTS_BUCKET).resolve(reused.queryId() + ".csv"))
                    .doesNotExist();
        }
    }
}
