package ai.connecty.athena.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's bucketing survives a restart: the catalog's JSON keeps it, and tables without it read back as before. */
class BucketingPersistenceTest {

    @Test
    void bucketingIsKeptAcrossRestarts(@TempDir Path dir) {
        CatalogStore store = new CatalogStore(dir, List.of(DataCatalog.AWS_DATA_CATALOG));
        store.putDatabase("AwsDataCatalog", new DatabaseDef("db", null, null, Map.of(), 0));
        TableDef plain = new TableDef("db", "plain", TableDef.EXTERNAL_TABLE, List.of(ColumnDef.of("id", "int")),
                List.of(), "s3://b/plain/", null, null, null, Map.of(), Map.of(), null, null, 0, null);
        store.putTable("AwsDataCatalog", plain);
        TableDef bucketed = new TableDef("db", "bucketed", TableDef.EXTERNAL_TABLE, List.of(ColumnDef.of("id", "int")),
                List.of(), "s3://b/bucketed/", null, null, null, Map.of(), Map.of(), null, null, 0, null,
                new Bucketing(List.of("id"), 4));
        store.putTable("AwsDataCatalog", bucketed);
        CatalogStore reopened = new CatalogStore(dir, List.of(DataCatalog.AWS_DATA_CATALOG));
        assertThat(reopened.table("AwsDataCatalog", "db", "plain").orElseThrow().bucketing()).isNull();
        assertThat(reopened.table("AwsDataCatalog", "db", "bucketed").orElseThrow().bucketing())
                .isEqualTo(new Bucketing(List.of("id"), 4));
        // the with* copies keep it (ALTER TABLE ... REPLACE COLUMNS and the like)
        assertThat(reopened.table("AwsDataCatalog", "db", "bucketed").orElseThrow().withColumns(List.of(
                ColumnDef.of("id", "bigint"))).bucketing()).isEqualTo(new Bucketing(List.of("id"), 4));
    }
}
