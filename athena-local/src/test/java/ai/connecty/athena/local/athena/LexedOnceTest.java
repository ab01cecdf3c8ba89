package ai.connecty.athena.local.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.engine.ddl.DdlParser;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.engine.ddl.DdlSyntaxException;
import ai.connecty.athena.local.engine.ddl.ParsedDdl;
import ai.connecty.athena.local.sql.QueryParameters;
import ai.connecty.athena.local.sql.QueryRunner;
import ai.connecty.athena.local.sql.SqlLexer;
import ai.connecty.athena.local.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "parse once": from StartQueryExecution's QueryString to the statement that runs, athena-local's lexer
 * reads a statement's text once, on both paths. Counted with {@link SqlLexer#passesOnThisThread}, over the steps
 * StartQueryExecution and the engine take on one thread here.
 */
class LexedOnceTest {

    @Test
    void aHiveStatementIsLexedOnceForChecksRoutingShownTextAndTheDdlParse() throws Exception {
        int before = SqlLexer.passesOnThisThread();

        SqlStatement parsed = SqlStatement.of("  CREATE EXTERNAL TABLE awsdatacatalog.db.t (id int, note string "
                + "COMMENT 'it\\'s; fine') PARTITIONED BY (dt string) LOCATION 's3://b/t/' ; ");
        ShownStatement.Rewritten shown = ShownStatement.of(parsed, parsed.classification().substatementType(),
                null, "default");
        DdlStatement ddl = DdlParser.parse(parsed);

        assertThat(SqlLexer.passesOnThisThread() - before).isEqualTo(1);
        assertThat(parsed.onTrinoPath()).isFalse();
        assertThat(parsed.classification().substatementType()).isEqualTo("CREATE_TABLE");
        assertThat(shown.statement()).startsWith("CREATE EXTERNAL TABLE awsdatacatalog.db.t (");
        DdlStatement.CreateExternalTable table = (DdlStatement.CreateExternalTable) ddl;
        // Hive's string rules in the one pass: the escaped quote does not end the comment, nor the ; the statement.
        assertThat(table.columns().get(1).comment()).isEqualTo("it's; fine");
        assertThat(table.table().database()).isEqualTo("db");
        assertThat(table.partitionKeys()).hasSize(1);
    }

    @Test
    void describeIsLexedOnceForItsShownTextAndItsTableLookup() throws Exception {
        int before = SqlLexer.passesOnThisThread();

        SqlStatement parsed = SqlStatement.of("DESCRIBE awsdatacatalog.sales.orders");
        ShownStatement.Rewritten shown = ShownStatement.of(parsed, "DESCRIBE_TABLE", null, null);
        // StartQueryExecution parses it once; the DESCRIBE lookup and the executor read that parse.
        ParsedDdl hive = ParsedDdl.of(parsed);
        DdlStatement.Describe describe = (DdlStatement.Describe) hive.statement();

        assertThat(SqlLexer.passesOnThisThread() - before).isEqualTo(1);
        assertThat(shown).isEqualTo(new ShownStatement.Rewritten("DESCRIBE orders", "sales"));
        assertThat(describe.table().database()).isEqualTo("sales");
        assertThat(hive.statement()).isSameAs(describe);
    }

    @Test
    void aHiveSyntaxErrorIsKeptFromTheOneParseForTheRun() throws Exception {
        SqlStatement parsed = SqlStatement.of("MSCK REPAIR TABLE t extra");
        ParsedDdl hive = ParsedDdl.of(parsed);

        assertThat(hive.parsed()).isFalse();
        assertThatThrownBy(hive::statement).isInstanceOf(DdlSyntaxException.class)
                .hasMessage("line 1:21: mismatched input 'extra'. Expecting: end of statement");
    }

    @Test
    void aTrinoStatementIsLexedOnceAndItsCastTypesAreNeverReLexed() throws Exception {
        int before = SqlLexer.passesOnThisThread();

        SqlStatement parsed = SqlStatement.of("SELECT CAST(a AS row(x varchar(3), y array(decimal(10,2)))), "
                + "CAST(b AS map(varchar, double)), 'C:\\' FROM t WHERE id = ?");
        SqlStatement bound = QueryParameters.bind(parsed, List.of("7")).statement();
        ShownStatement.Rewritten shown = ShownStatement.of(bound, bound.classification().substatementType(), null, "db");
        String duckSql = QueryRunner.duckDbQuery(bound);

        assertThat(SqlLexer.passesOnThisThread() - before).isEqualTo(1);
        assertThat(bound.onTrinoPath()).isTrue();
        assertThat(shown.statement()).isEqualTo(bound.text());
        assertThat(duckSql).contains("CAST(\"a\" AS STRUCT(\"x\" VARCHAR, \"y\" DECIMAL(10,2)[]))",
                "CAST(\"b\" AS MAP(VARCHAR, DOUBLE))", "'C:\\'", "(\"id\" = (7))");
    }
}
