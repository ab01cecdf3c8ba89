package ai.connecty.athena.local.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.DataCatalog;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;
import software.amazon.awssdk.services.athena.model.Database;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ListTableMetadataResponse;
import software.amazon.awssdk.services.athena.model.ListWorkGroupsResponse;
import software.amazon.awssdk.services.athena.model.MetadataException;
import software.amazon.awssdk.services.athena.model.TableMetadata;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupSummary;

/** Athena's catalog and workgroup calls through the real SDK (wire-protocol §2.5, measured-behaviour §7.2-7.3). */
@ExtendWith(LocalAthenaExtension.class)
class MetadataApiWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @Test
    void listDataCatalogsHasTheGlueCatalogAndTheHiveLakehouse() {
        List<DataCatalogSummary> catalogs = clients.athena().listDataCatalogs(r -> { }).dataCatalogsSummary();
        assertThat(catalogs).extracting(DataCatalogSummary::catalogName, c -> c.typeAsString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("AwsDataCatalog", "GLUE"),
                        org.assertj.core.groups.Tuple.tuple("lakehouse", "HIVE"));
        DataCatalog glue = clients.athena().getDataCatalog(r -> r.name("AwsDataCatalog")).dataCatalog();
        assertThat(glue.typeAsString()).isEqualTo("GLUE");
        assertThat(glue.parameters()).containsEntry("catalog-id", LocalAthena.ACCOUNT_ID);
        assertThat(clients.athena().getDataCatalog(r -> r.name("lakehouse")).dataCatalog().typeAsString())
                .isEqualTo("HIVE");
    }

    @Test
    void listDatabasesPerCatalog() {
        assertThat(clients.athena().listDatabases(r -> r.catalogName("AwsDataCatalog")).databaseList())
                .extracting(Database::name).contains("default", "demo").doesNotContain("lake");
        assertThat(clients.athena().listDatabases(r -> r.catalogName("lakehouse")).databaseList())
                .extracting(Database::name).containsExactly("lake");
        assertThat(clients.athena().getDatabase(r -> r.catalogName("AwsDataCatalog").databaseName("demo"))
                .database().name())
                .isEqualTo("demo");
        var firstPage = clients.athena().listDatabases(r -> r.catalogName("AwsDataCatalog").maxResults(1));
        assertThat(firstPage.databaseList()).hasSize(1);
        assertThat(firstPage.nextToken()).isNotNull();
        var secondPage = clients.athena().listDatabases(r -> r.catalogName("AwsDataCatalog").maxResults(1)
                .nextToken(firstPage.nextToken()));
        assertThat(secondPage.databaseList().get(0).name()).isNotEqualTo(firstPage.databaseList().get(0).name());
    }

    @Test
    void missingDatabasesAndTablesAreMetadataExceptions() {
        assertThatThrownBy(() -> clients.athena()
                .getDatabase(r -> r.catalogName("AwsDataCatalog").databaseName("nosuch")))
                .isInstanceOf(MetadataException.class).hasMessageContaining("Database nosuch not found.")
                .hasMessageContaining("EntityNotFoundException");
        assertThatThrownBy(() -> clients.athena()
                .getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")
                .tableName("nosuch"))).isInstanceOf(MetadataException.class).hasMessageContaining("Table nosuch not found.");
        assertThatThrownBy(() -> clients.athena()
                .listTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("nosuch")))
                .isInstanceOf(MetadataException.class);
    }

    @Test
    void tableMetadataUsesHiveTypesAndFlattensTheStorageDescriptor() {
        TableMetadata sales = clients.athena()
                .getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")
                .tableName("sales")).tableMetadata();
        assertThat(sales.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(sales.columns()).extracting(Column::name, Column::type).contains(
                org.assertj.core.groups.Tuple.tuple("customer_id", "int"),
                org.assertj.core.groups.Tuple.tuple("amount", "decimal(10,2)"),
                org.assertj.core.groups.Tuple.tuple("product", "string"));
        assertThat(sales.partitionKeys()).extracting(Column::name, Column::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("year", "int"), org.assertj.core.groups.Tuple.tuple("month", "int"));
        Map<String, String> p = sales.parameters();
        assertThat(p).containsEntry("location", "s3://demo-data/demo/sales/")
                .containsEntry("inputformat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .containsEntry("outputformat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .containsEntry("serde.serialization.lib", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                .containsEntry("serde.param.serialization.format", "1")
                .containsEntry("EXTERNAL", "TRUE").containsEntry("classification", "parquet");
        assertThat(sales.createTime()).isNotNull();

        TableMetadata types = clients.athena()
                .getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")
                .tableName("all_types")).tableMetadata();
        assertThat(types.columns()).extracting(Column::type).contains("binary", "varchar(20)", "char(5)",
                "decimal(38,9)", "array<int>", "map<string,string>", "struct<a:int,b:string>", "timestamp", "float");

        TableMetadata customers = clients.athena()
                .getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")
                .tableName("customers")).tableMetadata();
        assertThat(customers.parameters()).containsEntry("skip.header.line.count", "1")
                .containsEntry("serde.param.separatorChar", ",");
    }

    @Test
    void viewsAreVirtualViewsWithoutAStorageDescriptor() {
        TableMetadata view = clients.athena().getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")
                .tableName("sales_by_customer")).tableMetadata();
        assertThat(view.tableType()).isEqualTo("VIRTUAL_VIEW");
        assertThat(view.columns()).extracting(Column::name).contains("customer_id", "total_amount");
        assertThat(view.parameters()).doesNotContainKey("location").containsEntry("presto_view", "true");
    }

    @Test
    void listTableMetadataFiltersWithTheExpressionAndPages() {
        ListTableMetadataResponse r = clients.athena()
                .listTableMetadata(x -> x.catalogName("AwsDataCatalog").databaseName("demo")
                .expression("sale*"));
        assertThat(r.tableMetadataList()).extracting(TableMetadata::name)
                .containsExactlyInAnyOrder("sales", "sales_by_customer");
        assertThat(clients.athena().listTableMetadata(x -> x.catalogName("AwsDataCatalog").databaseName("demo")
                .expression("customers|events")).tableMetadataList()).extracting(TableMetadata::name)
                .containsExactlyInAnyOrder("customers", "events");

        List<String> paged = clients.athena()
                .listTableMetadataPaginator(x -> x.catalogName("AwsDataCatalog").databaseName("demo")
                .maxResults(2)).stream().flatMap(p -> p.tableMetadataList().stream()).map(TableMetadata::name).toList();
        List<String> all = clients.athena().listTableMetadata(x -> x.catalogName("AwsDataCatalog").databaseName("demo"))
                .tableMetadataList().stream().map(TableMetadata::name).toList();
        assertThat(paged).isEqualTo(all).contains("sales", "customers", "events", "all_types", "numbers",
                "sales_by_customer");
    }

    /** ListTableMetadata's Expression is 0 to 256 characters (wire protocol §2.5). */
    @Test
    void listTableMetadataRefusesAnExpressionOver256Characters() {
        String longest = "sales|" + "x".repeat(250);
        assertThat(clients.athena().listTableMetadata(x -> x.catalogName("AwsDataCatalog").databaseName("demo")
                .expression(longest)).tableMetadataList()).extracting(TableMetadata::name).containsExactly("sales");
        AthenaWireTest.assertInvalid(() -> clients.athena().listTableMetadata(x -> x.catalogName("AwsDataCatalog")
                .databaseName("demo").expression(longest + "x")), "INVALID_INPUT",
                "1 validation error detected: Value at 'expression' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 256");
    }

    @Test
    void theLakehouseCatalogIsListedThroughAthena() {
        assertThat(clients.athena().listTableMetadata(x -> x.catalogName("lakehouse").databaseName("lake"))
                .tableMetadataList())
                .extracting(TableMetadata::name).containsExactlyInAnyOrder("orders", "products");
    }

    @Test
    void listWorkGroupsShowsEveryWorkGroupInNameOrder() {
        ListWorkGroupsResponse r = clients.athena().listWorkGroups(x -> { });
        assertThat(r.workGroups()).extracting(WorkGroupSummary::name).containsExactly("analytics", "managed", "primary");
        WorkGroupSummary primary = r.workGroups().get(2);
        assertThat(primary.description()).isEmpty();
        assertThat(primary.stateAsString()).isEqualTo("ENABLED");
        assertThat(primary.engineVersion().effectiveEngineVersion()).isEqualTo("Athena engine version 3");
        assertThat(primary.creationTime()).isNotNull();
        assertThat(r.nextToken()).isNull();

        ListWorkGroupsResponse one = clients.athena().listWorkGroups(x -> x.maxResults(1));
        assertThat(one.workGroups()).extracting(WorkGroupSummary::name).containsExactly("analytics");
        assertThat(clients.athena().listWorkGroups(x -> x.maxResults(1).nextToken(one.nextToken())).workGroups())
                .extracting(WorkGroupSummary::name).containsExactly("managed");
    }

    @Test
    void listWorkGroupsValidatesLikeAthena() {
        AthenaWireTest.assertInvalid(() -> clients.athena().listWorkGroups(x -> x.maxResults(51)), "INVALID_INPUT",
                "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "less than or equal to 50");
        AthenaWireTest.assertInvalid(() -> clients.athena().listWorkGroups(x -> x.nextToken("bogus")), "INVALID_INPUT",
                "The nextPageToken is malformed: bogus");
    }

    @Test
    void getWorkGroupShapesForPrimaryAndTheEnforcingAnalyticsGroup() {
        WorkGroup primary = clients.athena().getWorkGroup(r -> r.workGroup("primary")).workGroup();
        assertThat(primary.name()).isEqualTo("primary");
        assertThat(primary.description()).isNull();
        assertThat(primary.configuration().enforceWorkGroupConfiguration()).isFalse();
        assertThat(primary.configuration().resultConfiguration().outputLocation()).isNull();
        assertThat(primary.configuration().engineVersion().selectedEngineVersion()).isEqualTo("AUTO");
        assertThat(primary.configuration().publishCloudWatchMetricsEnabled()).isFalse();
        assertThat(primary.configuration().requesterPaysEnabled()).isFalse();

        WorkGroup analytics = clients.athena().getWorkGroup(r -> r.workGroup("analytics")).workGroup();
        assertThat(analytics.configuration().enforceWorkGroupConfiguration()).isTrue();
        assertThat(analytics.configuration().resultConfiguration().outputLocation())
                .isEqualTo("s3://athena-results/analytics/");
        assertThat(analytics.description()).isNotBlank();

        assertThatThrownBy(() -> clients.athena().getWorkGroup(r -> r.workGroup("nope")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.athenaErrorCode()).isEqualTo("INVALID_INPUT");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("WorkGroup is not found.");
                });
    }
}
