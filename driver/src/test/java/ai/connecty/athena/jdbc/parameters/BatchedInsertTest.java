package ai.connecty.athena.jdbc.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements a batch rewrites, the multi-row text it writes, and how it cuts a batch into statements. */
class BatchedInsertTest {
    private static BatchedInsert insert(String sql) {
        return BatchedInsert.of(sql).orElseThrow(() -> new AssertionError("not recognised: " + sql));
    }

    @Test
    void withAndWithoutAColumnList() {
        assertThat(insert("INSERT INTO t (a, b) VALUES (?, ?)").text(3))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)");
        assertThat(insert("INSERT INTO db.t VALUES (?, ?)").text(2)).isEqualTo("INSERT INTO db.t VALUES (?, ?), (?, ?)");
    }

    @Test
    void quotedIdentifiersLowerCaseAndATrailingSemicolonWithComments() {
        assertThat(insert("insert into \"my db\".`t,(x` (\"a?\", `b)`) values (?, ?) ; -- done?").text(2))
                .isEqualTo("insert into \"my db\".`t,(x` (\"a?\", `b)`) values (?, ?), (?, ?) ; -- done?");
        assertThat(insert("/* load (a, ?) */ INSERT INTO t VALUES (?);").text(2))
                .isEqualTo("/* load (a, ?) */ INSERT INTO t VALUES (?), (?);");
    }

    @Test
    void questionMarksParenthesesAndCommasInsideStringsAndCommentsStayInsideTheTuple() {
        String sql = "INSERT INTO t VALUES ('it''s (a, ?)', ? /* ?), (? */, -- ), (?\n ?, ')')";
        assertThat(SqlText.of(sql).parameterCount()).isEqualTo(2);
        String tuple = "('it''s (a, ?)', ? /* ?), (? */, -- ), (?\n ?, ')')";
        assertThat(insert(sql).text(2)).isEqualTo("INSERT INTO t VALUES " + tuple + ", " + tuple);
        assertThat(SqlText.of(insert(sql).text(3)).parameterCount()).as("Athena's count of the rewritten text")
                .isEqualTo(6);
    }

    @Test
    void literalsAndFunctionCallsMixedWithPlaceholders() {
        assertThat(insert("INSERT INTO t (a, b, c, d) VALUES (1, ?, CAST(? AS date), 'x')").text(2))
                .isEqualTo("INSERT INTO t (a, b, c, d) VALUES (1, ?, CAST(? AS date), 'x'), (1, ?, CAST(? AS date), 'x')");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "INSERT INTO t SELECT ? FROM u",
        "INSERT INTO t (a) SELECT ?",
        "INSERT INTO t VALUES (?), (?)",
        "INSERT INTO t VALUES (?); INSERT INTO u VALUES (?)",
        "WITH x AS (SELECT 1) INSERT INTO t VALUES (?)",
        "UPDATE t SET a = ? WHERE b = ?",
        "INSERT INTO t VALUES ?",
        "INSERT INTO t VALUES (?",
        "INSERT INTO t (a, ) VALUES (?)",
        "INSERT OVERWRITE t VALUES (?)",
        "SELECT 'INSERT INTO t VALUES (?)'",
        "INSERT INTO t VALUES (?) -- x\n , (?)"})
    void anyOtherStatementIsNotRewritten(String sql) {
        assertThat(BatchedInsert.of(sql)).isEmpty();
    }

    @Test
    void eachChunkHoldsItsRowsLiteralsInOrder() {
        List<List<String>> items = List.of(List.of("1", "'a'"), List.of("2", "'b'"), List.of("3", "NULL"));
        List<BatchedInsert.Chunk> chunks = insert("INSERT INTO t VALUES (?, ?)").chunks(items);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).first()).isZero();
        assertThat(chunks.get(0).rows()).isEqualTo(3);
        assertThat(chunks.get(0).text()).isEqualTo("INSERT INTO t VALUES (?, ?), (?, ?), (?, ?)");
        assertThat(chunks.get(0).parameters()).containsExactly("1", "'a'", "2", "'b'", "3", "NULL");
    }

    @Test
    void atMostAThousandRowsAStatement() {
        List<List<String>> items = new ArrayList<>(Collections.nCopies(2500, List.of("1")));
        List<BatchedInsert.Chunk> chunks = insert("INSERT INTO t VALUES (?)").chunks(items);
        assertThat(chunks).extracting(BatchedInsert.Chunk::first).containsExactly(0, 1000, 2000);
        assertThat(chunks).extracting(BatchedInsert.Chunk::rows).containsExactly(1000, 1000, 500);
        assertThat(chunks.get(2).parameters()).hasSize(500);
    }

    @Test
    void textAndParametersStayWithinTheByteLimit() {
        BatchedInsert insert = insert("INSERT INTO t VALUES (?)");
        // Text: 21 + 3 per row + 2 per further row; each parameter 10 bytes: 2 rows = 24 + 5 + 20 = 49 bytes.
        List<List<String>> items = new ArrayList<>(Collections.nCopies(5, List.of("'12345678'")));
        assertThat(insert.chunks(items, 1000, 49)).extracting(BatchedInsert.Chunk::rows).containsExactly(2, 2, 1);
        assertThat(insert.chunks(items, 1000, 48)).extracting(BatchedInsert.Chunk::rows).containsExactly(1, 1, 1, 1, 1);
        for (BatchedInsert.Chunk chunk : insert.chunks(items, 1000, 49)) {
            int bytes = chunk.text().length() + chunk.parameters().stream().mapToInt(String::length).sum();
            assertThat(bytes).isLessThanOrEqualTo(49);
        }
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        BatchedInsert insert = insert("INSERT INTO t VALUES (?)");
        // 'é' is 2 bytes: each parameter "'éé'" is 6 bytes, two rows 24 + 5 + 12 = 41.
        List<List<String>> items = List.of(List.of("'éé'"), List.of("'éé'"));
        assertThat(insert.chunks(items, 1000, 41)).hasSize(1);
        assertThat(insert.chunks(items, 1000, 40)).hasSize(2);
    }

    @Test
    void anItemAloneOverTheLimitIsAStatementOfItsOwn() {
        BatchedInsert insert = insert("INSERT INTO t VALUES (?)");
        List<List<String>> items = List.of(List.of("1"), List.of("'" + "x".repeat(100) + "'"), List.of("2"));
        assertThat(insert.chunks(items, 1000, 60)).extracting(BatchedInsert.Chunk::rows).containsExactly(1, 1, 1);
    }

    @Test
    void aTupleWithoutPlaceholdersHasNoParameters() {
        List<BatchedInsert.Chunk> chunks = insert("INSERT INTO t VALUES (1, 'a')").chunks(List.of(List.of(), List.of()));
        assertThat(chunks.get(0).text()).isEqualTo("INSERT INTO t VALUES (1, 'a'), (1, 'a')");
        assertThat(chunks.get(0).parameters()).isEmpty();
    }

    /** The text after the tuple counts too: " ;" is 2 bytes, so two rows are 21 + 3 + 2 + 3 + 2 + 20 = 51 bytes. */
    @Test
    void theTextAfterTheTupleCountsAgainstTheLimit() {
        BatchedInsert insert = insert("INSERT INTO t VALUES (?) ;");
        List<List<String>> items = List.of(List.of("'12345678'"), List.of("'12345678'"));
        assertThat(insert.chunks(items, 1000, 51)).extracting(BatchedInsert.Chunk::rows).containsExactly(2);
        assertThat(insert.chunks(items, 1000, 50)).extracting(BatchedInsert.Chunk::rows).containsExactly(1, 1);
    }

    @Test
    void aFirstItemOverTheLimitIsAStatementOfItsOwnWithNoEmptyOneBefore() {
        BatchedInsert insert = insert("INSERT INTO t VALUES (?)");
        List<List<String>> items = List.of(List.of("'" + "x".repeat(100) + "'"), List.of("1"));
        List<BatchedInsert.Chunk> chunks = insert.chunks(items, 1000, 60);
        assertThat(chunks).extracting(BatchedInsert.Chunk::first).containsExactly(0, 1);
        assertThat(chunks).extracting(BatchedInsert.Chunk::rows).containsExactly(1, 1);
    }

    @Test
    void anEmptyBatchIsNoStatement() {
        assertThat(insert("INSERT INTO t VALUES (?)").chunks(List.of())).isEmpty();
    }
}
