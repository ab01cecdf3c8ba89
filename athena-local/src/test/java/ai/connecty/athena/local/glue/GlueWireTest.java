package ai.connecty.athena.local.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/** The Glue Data Catalog API through the real SDK (wire-protocol §2.6). Only AwsDataCatalog is visible to Glue. */
@ExtendWith(LocalAthenaExtension.class)
class GlueWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @Test
    void databasesOfTheGlueCatalogOnly() {
        List<Database> dbs = clients.glue().getDatabases(r -> { }).databaseList();
        assertThat(dbs).extracting(Database::name).contains("default", "demo").doesNotContain("lake");
        Database demo = clients.glue().getDatabase(r -> r.name("demo")).database();
        assertThat(demo.catalogId()).isEqualTo(LocalAthena.ACCOUNT_ID);
        assertThat(demo.createTime()).isNotNull();
        assertThatThrownBy(() -> clients.glue().getDatabase(r -> r.name("nosuch"))).isInstanceOfSatisfying(
                EntityNotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Database nosuch not found."));
        // The lakehouse catalog is HIVE: Athena lists it, Glue does not know it.
        assertThatThrownBy(() -> clients.glue().getDatabase(r -> r.name("lake")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> clients.glue().getTables(r -> r.databaseName("lake")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    /** GetDatabases' ResourceShareType is FOREIGN, ALL or FEDERATED (wire protocol §2.6); other values are refused. */
    @Test
    void getDatabasesRefusesAResourceShareTypeOutsideTheModel() {
        for (String type : new String[] {"FOREIGN", "ALL", "FEDERATED"}) {
            assertThat(clients.glue().getDatabases(r -> r.resourceShareType(type)).databaseList()).isNotNull();
        }
        for (String bogus : new String[] {"BOGUS", "all"}) {
            assertThatThrownBy(() -> clients.glue().getDatabases(r -> r.resourceShareType(bogus)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("1 validation error detected: Value '" + bogus + "' at 'resourceShareType' failed "
                                    + "to satisfy constraint: Member must satisfy enum value set: [FOREIGN, ALL, FEDERATED]"));
        }
    }

    /** GetTables' Expression is 0 to 2048 characters (wire protocol §2.6). */
    @Test
    void getTablesRefusesAnExpressionOver2048Characters() {
        String longest = "sales|" + "x".repeat(2042);
        assertThat(clients.glue().getTables(r -> r.databaseName("demo").expression(longest)).tableList())
                .extracting(Table::name).containsExactly("sales");
        assertThatThrownBy(() -> clients.glue().getTables(r -> r.databaseName("demo").expression(longest + "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("1 validation error detected: Value '")
                        .endsWith("' at 'expression' failed to satisfy constraint: Member must have length less than or "
                                + "equal to 2048"));
    }

    @Test
    void getTablesFiltersWithHivePatterns() {
        assertThat(clients.glue().getTables(r -> r.databaseName("demo").expression("sale*|cust*")).tableList())
                .extracting(Table::name).containsExactlyInAnyOrder("sales", "sales_by_customer", "customers");
        assertThat(clients.glue().getTables(r -> r.databaseName("demo").expression("SALES")).tableList())
                .extracting(Table::name).containsExactly("sales");
        List<String> paged = clients.glue().getTablesPaginator(r -> r.databaseName("demo").maxResults(2)).stream()
                .flatMap(p -> p.tableList().stream()).map(Table::name).toList();
        assertThat(paged).doesNotHaveDuplicates().contains("sales", "customers", "events", "all_types", "numbers",
                "sales_by_customer");
        assertThatThrownBy(() -> clients.glue().getTables(r -> r.databaseName("nosuch")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void tablesCarryAFullStorageDescriptor() {
        Table sales = clients.glue().getTable(r -> r.databaseName("demo").name("sales")).table();
        assertThat(sales.databaseName()).isEqualTo("demo");
        assertThat(sales.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(sales.catalogId()).isEqualTo(LocalAthena.ACCOUNT_ID);
        assertThat(sales.parameters()).containsEntry("classification", "parquet");
        assertThat(sales.partitionKeys()).extracting(Column::name, Column::type)
                .containsExactly(tuple("year", "int"), tuple("month", "int"));
        var sd = sales.storageDescriptor();
        assertThat(sd.location()).isEqualTo("s3://demo-data/demo/sales/");
        assertThat(sd.inputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(sd.serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(sd.columns()).extracting(Column::name, Column::type)
                .contains(tuple("sale_id", "bigint"), tuple("amount", "decimal(10,2)"), tuple("sold_at", "timestamp"));

        Table events = clients.glue().getTable(r -> r.databaseName("demo").name("events")).table();
        assertThat(events.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(events.storageDescriptor().columns()).extracting(Column::type)
                .contains("array<string>", "map<string,int>", "struct<user_id:int,device:string>");

        assertThatThrownBy(() -> clients.glue().getTable(r -> r.databaseName("demo").name("nosuch")))
                .isInstanceOfSatisfying(
                EntityNotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table nosuch not found."));
    }

    @Test
    void viewsAreVirtualViewsHoldingThePrestoViewText() throws Exception {
        Table view = clients.glue().getTable(r -> r.databaseName("demo").name("sales_by_customer")).table();
        assertThat(view.tableType()).isEqualTo("VIRTUAL_VIEW");
        assertThat(view.viewExpandedText()).isEqualTo("/* Presto View */");
        assertThat(view.parameters()).containsEntry("presto_view", "true").containsEntry("comment", "Presto View");
        String original = view.viewOriginalText();
        assertThat(original).startsWith("/* Presto View: ").endsWith(" */");
        String base64 = original.substring("/* Presto View: ".length(), original.length() - " */".length());
        JsonNode json = new ObjectMapper().readTree(Base64.getDecoder().decode(base64));
        assertThat(json.get("originalSql").asText()).contains("FROM demo.sales s JOIN demo.customers c");
        assertThat(json.get("catalog").asText()).isEqualTo("awsdatacatalog");
        assertThat(json.get("schema").asText()).isEqualTo("demo");
        assertThat(json.get("columns").findValuesAsText("name")).contains("customer_id", "total_amount");
    }

    @Test
    void partitionsFilteredByAnExpression() {
        List<Partition> all = clients.glue()
                .getPartitionsPaginator(r -> r.databaseName("demo").tableName("sales")).stream()
                .flatMap(p -> p.partitions().stream()).toList();
        // Sales cover 2024-01 .. 2025-05: seventeen year/month partitions.
        assertThat(all).hasSize(17);
        assertThat(all.get(0).storageDescriptor().location()).startsWith("s3://demo-data/demo/sales/year=");

        List<Partition> some = clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales")
                .expression("year = 2025 AND month IN (1, 2) OR (year = 2024 AND month BETWEEN 11 AND 12)")).partitions();
        assertThat(some).extracting(Partition::values).containsExactlyInAnyOrder(
                List.of("2025", "1"), List.of("2025", "2"), List.of("2024", "11"), List.of("2024", "12"));
        assertThat(clients.glue()
                .getPartitions(r -> r.databaseName("demo").tableName("sales").expression("year > 2030"))
                .partitions()).isEmpty();
        assertThatThrownBy(() -> clients.glue().getPartitions(r -> r.databaseName("demo").tableName("nosuch")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    /**
     * A Segment splits a table's partitions into TotalSegments parts for readers working in parallel (as Spark and
     * Glue jobs do): the segments do not overlap and together give every partition, each also through pages and
     * with an expression.
     */
    @Test
    void segmentsSplitThePartitionsWithoutOverlap() {
        List<List<String>> all = clients.glue().getPartitionsPaginator(r -> r.databaseName("demo").tableName("sales"))
                .stream().flatMap(p -> p.partitions().stream()).map(Partition::values).toList();
        List<List<String>> joined = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int segment = i;
            List<List<String>> part = clients.glue().getPartitionsPaginator(r -> r.databaseName("demo").tableName("sales")
                            .maxResults(2).segment(s -> s.segmentNumber(segment).totalSegments(3)))
                    .stream().flatMap(p -> p.partitions().stream()).map(Partition::values).toList();
            assertThat(part).as("segment %d", segment).isNotEmpty().hasSizeLessThan(all.size());
            joined.addAll(part);
        }
        assertThat(joined).containsExactlyInAnyOrderElementsOf(all);
        List<List<String>> of2025 = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int segment = i;
            of2025.addAll(clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales").expression("year = 2025")
                    .segment(s -> s.segmentNumber(segment).totalSegments(2))).partitions().stream().map(Partition::values).toList());
        }
        assertThat(of2025).hasSize(5).allSatisfy(values -> assertThat(values.get(0)).isEqualTo("2025"))
                .doesNotHaveDuplicates();
        assertThat(clients.glue().getPartitions(r -> r.databaseName("demo").tableName("sales")
                .segment(s -> s.segmentNumber(0).totalSegments(1))).partitions()).hasSize(all.size());
    }

    @Test
    void onePartitionByItsValues() {
        Partition p = clients.glue()
                .getPartition(r -> r.databaseName("demo").tableName("sales").partitionValues("2024", "3"))
                .partition();
        assertThat(p.values()).containsExactly("2024", "3");
        assertThat(p.databaseName()).isEqualTo("demo");
        assertThat(p.tableName()).isEqualTo("sales");
        assertThat(p.storageDescriptor().location()).isEqualTo("s3://demo-data/demo/sales/year=2024/month=3/");

        assertThatThrownBy(() -> clients.glue().getPartition(r -> r.databaseName("demo").tableName("sales")
                .partitionValues("2031", "1"))).isInstanceOfSatisfying(EntityNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot find partition."));
        assertThatThrownBy(() -> clients.glue().getPartition(r -> r.databaseName("demo").tableName("sales")
                .partitionValues("2024"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> clients.glue().getPartition(r -> r.databaseName("demo").tableName("nosuch")
                .partitionValues("2024", "3"))).isInstanceOfSatisfying(EntityNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table nosuch not found."));
    }

    @Test
    void getPartitionIsAuthorizedOnTheCatalogFirst() {
        // The service account may only assume the role: no Glue right at all, so Glue refuses it on the catalog, the
        // first of the catalog, database and table ARNs a partition read is checked on.
        try (GlueClient serviceAccount = SdkClients.glue(local, SdkClients.SERVICE_ACCOUNT)) {
            assertThatThrownBy(() -> serviceAccount.getPartition(r -> r.databaseName("demo").tableName("sales")
                    .partitionValues("2024", "3"))).isInstanceOfSatisfying(GlueException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).endsWith("is not authorized to perform: "
                                + "glue:GetPartition on resource: arn:aws:glue:us-east-1:123456789012:catalog");
                    });
        }
    }
}
