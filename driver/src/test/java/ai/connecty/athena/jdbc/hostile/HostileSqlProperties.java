package ai.connecty.athena.jdbc.hostile;

import ai.connecty.athena.jdbc.StubAthena;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.AthenaConnection;
import ai.connecty.athena.jdbc.TestConnections;
import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;

/**
 * Any SQL text through Statement.execute, against an Athena that rejects every query as Athena rejects a syntax
 * error: the driver refuses what it must (empty, over 262,144 bytes, an unpaired surrogate) without sending it,
 * passes everything else through unchanged (escape processing off), and only SQLExceptions with a SQLState come
 * out. The statement stays usable throughout.
 */
class HostileSqlProperties {
    private final AtomicInteger sent = new AtomicInteger();
    private final AthenaClient rejecting = new StubAthena() {
        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
            sent.incrementAndGet();
            throw (InvalidRequestException) InvalidRequestException.builder().athenaErrorCode("MALFORMED_QUERY")
                    .statusCode(400).message("line 1:1: mismatched input")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRequestException")
                            .errorMessage("line 1:1: mismatched input").build()).build();
        }
    };
    private final AthenaConnection connection = TestConnections.withQueryClient(
            new AthenaQueryClient(rejecting, QuerySettings.builder().build()), PollingClock.SYSTEM);

    @AfterProperty
    void close() throws SQLException {
        connection.close();
    }

    @Provide
    Arbitrary<String> sql() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars(" \t\r\n;'\"`-/*\u0000\u2028").ofMaxLength(20),
                Arbitraries.of("", " ", "\n\t", ";", "--", "/*", "SELECT '", "SELECT \uD800", "SELECT ?"),
                Arbitraries.integers().between(262_100, 262_200).map(n -> "SELECT '" + "x".repeat(n) + "'"),
                Arbitraries.integers().between(87_000, 88_000).map(n -> "SELECT '" + "€".repeat(n) + "'"));
    }

    @Property(tries = 500)
    void anySqlTextGivesASqlExceptionWithASqlState(@ForAll("sql") String sql) throws SQLException {
        int before = sent.get();
        try (Statement statement = connection.createStatement()) {
            // Unchanged text: JDBC escapes ({fn ...}, {d '...'}) would be translated, and a stray '{' refused, locally.
            statement.setEscapeProcessing(false);
            Outcomes.onlySqlExceptions("execute", () -> statement.execute(sql));
            // An unpaired surrogate is refused too: UTF-8 would carry it as '?', another statement than the one given.
            boolean refusedLocally = sql.trim().isEmpty()
                    || sql.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 262_144
                    || ai.connecty.athena.jdbc.types.WellFormedText.unpairedSurrogate(sql) >= 0;
            assertThat(sent.get() - before).as("StartQueryExecution calls").isEqualTo(refusedLocally ? 0 : 1);
            assertThat(statement.isClosed()).isFalse();
        }
    }
}
