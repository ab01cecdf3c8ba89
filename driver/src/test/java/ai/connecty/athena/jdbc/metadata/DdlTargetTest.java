package ai.connecty.athena.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.StatementType;

class DdlTargetTest {

    private static String target(String sql) {
        return DdlTarget.parse(sql, "AwsDataCatalog", "ctx").toString();
    }

    @Test
    void tableStatementsNameTheirDatabase() {
        assertThat(target("CREATE EXTERNAL TABLE IF NOT EXISTS sales.t (a int) LOCATION 's3://b/'"))
                .isEqualTo("AwsDataCatalog.sales");
        assertThat(target("-- made by a tool\n/* c */ CREATE TABLE t WITH (format='PARQUET') AS SELECT 1 a"))
                .isEqualTo("AwsDataCatalog.ctx");
        assertThat(target("DROP TABLE IF EXISTS `Sales`.`T`")).isEqualTo("AwsDataCatalog.sales");
        assertThat(target("ALTER TABLE lakehouse.lake.orders ADD COLUMNS (x int)")).isEqualTo("lakehouse.lake");
        assertThat(target("MSCK REPAIR TABLE \"demo\" . \"sales\"")).isEqualTo("AwsDataCatalog.demo");
        assertThat(target("CREATE OR REPLACE VIEW v AS SELECT 1 x")).isEqualTo("AwsDataCatalog.ctx");
        // A quote doubled inside a quoted name does not end it: the database is my"db, not my.
        assertThat(target("ALTER TABLE \"my\"\"db\".t ADD COLUMNS (x int)")).isEqualTo("AwsDataCatalog.my\"db");
        assertThat(target("DROP TABLE `my``db`.t")).isEqualTo("AwsDataCatalog.my`db");
    }

    @Test
    void aRenameWithinOneDatabaseStaysNarrow() {
        assertThat(target("ALTER TABLE sales.t RENAME TO sales.u")).isEqualTo("AwsDataCatalog.sales");
        assertThat(target("ALTER TABLE t RENAME TO u")).isEqualTo("AwsDataCatalog.ctx");
        assertThat(target("ALTER TABLE sales.t RENAME TO archive.t")).isEqualTo("everything");
        assertThat(target("ALTER TABLE sales.t RENAME TO t")).isEqualTo("everything");
    }

    @Test
    void databaseStatementsAreDatabaseLevel() {
        assertThat(target("CREATE DATABASE IF NOT EXISTS fresh")).isEqualTo("AwsDataCatalog.fresh (database)");
        assertThat(target("DROP SCHEMA lakehouse.old CASCADE")).isEqualTo("lakehouse.old (database)");
    }

    @Test
    void unreadableStatementsInvalidateEverything() {
        assertThat(target("OPTIMIZE t REWRITE DATA USING BIN_PACK")).isEqualTo("everything");
        assertThat(target("CREATE TABLE")).isEqualTo("everything");
        assertThat(target(null)).isEqualTo("everything");
    }

    @Test
    void onlyMetadataChangingStatementsCount() {
        assertThat(DdlTarget.changesMetadata(exec(StatementType.DML, "CREATE_TABLE_AS_SELECT"))).isTrue();
        assertThat(DdlTarget.changesMetadata(exec(StatementType.DDL, "ALTER_TABLE_ADD_COLUMN"))).isTrue();
        assertThat(DdlTarget.changesMetadata(exec(StatementType.DDL, "MSCK_REPAIR"))).isTrue();
        assertThat(DdlTarget.changesMetadata(exec(StatementType.DDL, null))).isTrue();
        assertThat(DdlTarget.changesMetadata(exec(StatementType.DML, "INSERT"))).isFalse();
        assertThat(DdlTarget.changesMetadata(exec(StatementType.UTILITY, "SHOW_TABLES"))).isFalse();
        assertThat(DdlTarget.changesMetadata(exec(StatementType.UTILITY, "DESCRIBE_TABLE"))).isFalse();
    }

    @Test
    void withoutAthenasClassificationOnlyDdlWordsCount() {
        assertThat(DdlTarget.mayChangeMetadata("create table t (a int)")).isTrue();
        assertThat(DdlTarget.mayChangeMetadata("-- note\n/* c */ DROP VIEW v")).isTrue();
        assertThat(DdlTarget.mayChangeMetadata("ALTER TABLE t ADD COLUMNS (b int)")).isTrue();
        assertThat(DdlTarget.mayChangeMetadata("MSCK REPAIR TABLE t")).isTrue();
        assertThat(DdlTarget.mayChangeMetadata("SELECT 'DROP TABLE t'")).isFalse();
        assertThat(DdlTarget.mayChangeMetadata("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(DdlTarget.mayChangeMetadata("-- DROP TABLE t\nSELECT 1")).isFalse();
        assertThat(DdlTarget.mayChangeMetadata("")).isFalse();
        assertThat(DdlTarget.mayChangeMetadata(null)).isFalse();
    }

    private static QueryExecution exec(StatementType type, String substatement) {
        return QueryExecution.builder().statementType(type).substatementType(substatement).build();
    }

    /** A statement run in another catalog's context changes that catalog; without a context, Athena's defaults. */
    @Test
    void theExecutionsContextNamesTheCatalogAndDatabase() {
        QueryExecution inLakehouse = QueryExecution.builder().query("DROP TABLE t").statementType(StatementType.DDL)
                .substatementType("DROP_TABLE").queryExecutionContext(c -> c.catalog("lakehouse").database("lake"))
                .build();
        assertThat(DdlTarget.of(inLakehouse, "AwsDataCatalog")).hasValueSatisfying(t -> {
            assertThat(t.catalog()).isEqualTo("lakehouse");
            assertThat(t.database()).isEqualTo("lake");
        });
        QueryExecution noContext = exec(StatementType.DDL, "DROP_TABLE").toBuilder().query("DROP TABLE t").build();
        assertThat(DdlTarget.of(noContext, "AwsDataCatalog").map(DdlTarget::toString))
                .contains("AwsDataCatalog.default");
        assertThat(DdlTarget.of(exec(StatementType.DML, "SELECT"), "AwsDataCatalog")).isEmpty();
    }

    /** Only DATABASE and SCHEMA statements change a catalog's list of databases. */
    @Test
    void onlyDatabaseStatementsAreDatabaseLevel() {
        assertThat(DdlTarget.parse("DROP TABLE sales.t", "AwsDataCatalog", "ctx").isDatabaseLevel()).isFalse();
        assertThat(DdlTarget.parse("CREATE VIEW v AS SELECT 1", "AwsDataCatalog", "ctx").isDatabaseLevel()).isFalse();
        assertThat(DdlTarget.parse("DROP DATABASE sales", "AwsDataCatalog", "ctx").isDatabaseLevel()).isTrue();
    }

    /** Names Athena cannot hold (four parts, a dangling dot, no name) and renames of columns drop everything. */
    @Test
    void oddNamesAndColumnRenamesInvalidateEverything() {
        assertThat(target("DROP TABLE a.b.c.d")).isEqualTo("everything");
        assertThat(target("DROP TABLE sales.")).isEqualTo("everything");
        assertThat(target("DROP TABLE 'sales'")).isEqualTo("everything");
        assertThat(target("DROP DATABASE a.b.c")).isEqualTo("everything");
        assertThat(target("ALTER TABLE sales.t RENAME COLUMN a TO b")).isEqualTo("everything");
        assertThat(target("ALTER TABLE sales.t RENAME")).isEqualTo("everything");
    }

    /** Athena's longest lead-in before the object word: six words. */
    @Test
    void aProtectedMultiDialectViewIsFound() {
        assertThat(target("CREATE OR REPLACE PROTECTED MULTI DIALECT VIEW sales.v SECURITY DEFINER AS SELECT 1 x"))
                .isEqualTo("AwsDataCatalog.sales");
    }
}
