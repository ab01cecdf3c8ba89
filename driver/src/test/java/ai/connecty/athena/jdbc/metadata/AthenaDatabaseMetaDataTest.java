package ai.connecty.athena.jdbc.metadata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** getTables/getColumns through Glue and Athena's catalog calls, served by WireMock on 127.0.0.1. */
class AthenaDatabaseMetaDataTest {
    private static final String JSON = "application/x-amz-json-1.1";
    private static final String GLUE_TABLES = "{\"TableList\":["
            + "{\"Name\":\"orders\",\"TableType\":\"EXTERNAL_TABLE\",\"Description\":\"all orders\","
            + "\"StorageDescriptor\":{\"Columns\":[{\"Name\":\"id\",\"Type\":\"bigint\"},"
            + "{\"Name\":\"amount\",\"Type\":\"decimal(10,2)\",\"Comment\":\"EUR\"}]},"
            + "\"PartitionKeys\":[{\"Name\":\"dt\",\"Type\":\"string\"}]},"
            + "{\"Name\":\"order_view\",\"TableType\":\"VIRTUAL_VIEW\","
            + "\"StorageDescriptor\":{\"Columns\":[{\"Name\":\"id\",\"Type\":\"bigint\"}]},\"PartitionKeys\":[]}]}";

    @RegisterExtension
    final WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private void stub(String target, int status, String body) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body)));
    }

    private Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:connecty-athena://ValidateCredentials=false;Region=us-east-1;EndpointOverride=http://127.0.0.1:"
                + aws.getPort() + ";NumRetries=0;" + extra, "AKIAIOSFODNN7EXAMPLE", "secret");
    }

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(name));
        }
        return values;
    }

    @Test
    void tablesAndColumnsComeFromGlueForTheDefaultCatalog() throws SQLException {
        stub("AWSGlue.GetTables", 200, GLUE_TABLES);
        String orders = GLUE_TABLES.substring("{\"TableList\":[".length(), GLUE_TABLES.indexOf(",{\"Name\":\"order_view"));
        stub("AWSGlue.GetTable", 200, "{\"Table\":" + orders + "}");
        try (Connection connection = connect("")) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet tables = metaData.getTables(null, "sales", "%", null)) {
                ResultSetMetaData shape = tables.getMetaData();
                assertThat(shape.getColumnName(1)).isEqualTo("TABLE_CAT");
                assertThat(shape.getColumnName(4)).isEqualTo("TABLE_TYPE");
                assertThat(shape.getColumnCount()).isEqualTo(10);
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_CAT")).isEqualTo("AwsDataCatalog");
                assertThat(tables.getString("TABLE_SCHEM")).isEqualTo("sales");
                assertThat(tables.getString("TABLE_NAME")).isEqualTo("orders");
                assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
                assertThat(tables.getString("REMARKS")).isEqualTo("all orders");
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_TYPE")).isEqualTo("VIEW");
                assertThat(tables.next()).isFalse();
            }
            try (ResultSet views = metaData.getTables(null, "sales", "%", new String[] {"VIEW"})) {
                assertThat(column(views, "TABLE_NAME")).containsExactly("order_view");
            }
            try (ResultSet columns = metaData.getColumns(null, "sales", "orders", null)) {
                assertThat(columns.getMetaData().getColumnCount()).isEqualTo(24);
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.BIGINT);
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("COLUMN_NAME")).isEqualTo("amount");
                assertThat(columns.getString("TYPE_NAME")).isEqualTo("decimal");
                assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(10);
                assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(2);
                assertThat(columns.getString("REMARKS")).isEqualTo("EUR");
                assertThat(columns.getInt("ORDINAL_POSITION")).isEqualTo(2);
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("COLUMN_NAME")).isEqualTo("dt");
                assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
                assertThat(columns.getInt("ORDINAL_POSITION")).isEqualTo(3);
                assertThat(columns.getString("IS_NULLABLE")).isEqualTo("YES");
                assertThat(columns.next()).isFalse();
            }
        }
        aws.verify(0, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListTableMetadata")));
    }

    /**
     * Glue keeps the columns of an Iceberg table's earlier schemas, flagged {@code iceberg.field.current=false}, when
     * the table is written through Iceberg's own Glue catalog (Spark, Glue jobs): they are no columns of the table,
     * and a tool that listed them would select a column that no longer exists.
     */
    @Test
    void icebergColumnsNoLongerCurrentAreLeftOut() throws SQLException {
        String table = "{\"Name\":\"ice\",\"TableType\":\"EXTERNAL_TABLE\",\"Parameters\":{\"table_type\":\"ICEBERG\"},"
                + "\"StorageDescriptor\":{\"Columns\":["
                + "{\"Name\":\"id\",\"Type\":\"bigint\",\"Parameters\":{\"iceberg.field.current\":\"true\","
                + "\"iceberg.field.id\":\"1\"}},"
                + "{\"Name\":\"dropped\",\"Type\":\"string\",\"Parameters\":{\"iceberg.field.current\":\"false\","
                + "\"iceberg.field.id\":\"2\"}},"
                + "{\"Name\":\"added\",\"Type\":\"double\",\"Parameters\":{\"iceberg.field.id\":\"3\"}}]},"
                + "\"PartitionKeys\":[]}";
        stub("AWSGlue.GetTables", 200, "{\"TableList\":[" + table + "]}");
        stub("AWSGlue.GetTable", 200, "{\"Table\":" + table + "}");
        try (Connection connection = connect("")) {
            DatabaseMetaData metaData = connection.getMetaData();
            // One exact name (GetTable), then the listing (GetTables): both leave the old column out.
            try (ResultSet columns = metaData.getColumns(null, "lake", "ice", null)) {
                assertThat(column(columns, "COLUMN_NAME")).containsExactly("id", "added");
            }
            try (ResultSet columns = metaData.getColumns(null, "lake", "%", null)) {
                List<String> rows = new ArrayList<>();
                while (columns.next()) {
                    rows.add(columns.getInt("ORDINAL_POSITION") + ":" + columns.getString("COLUMN_NAME"));
                }
                assertThat(rows).containsExactly("1:id", "2:added");
            }
        }
    }

    @Test
    void emptySchemaOrTableNamesMatchNothingWithoutAskingGlue() throws SQLException {
        // What Glue (and athena-local) answer to an empty DatabaseName or Name.
        String invalid = "{\"__type\":\"InvalidInputException\",\"Message\":\"1 validation error detected: Value null "
                + "at 'databaseName' failed to satisfy constraint: Member must not be null\"}";
        stub("AWSGlue.GetTables", 400, invalid);
        stub("AWSGlue.GetTable", 400, invalid);
        try (Connection connection = connect("")) {
            DatabaseMetaData metaData = connection.getMetaData();
            // "" = objects without a schema (or with an empty name): Athena has none.
            try (ResultSet tables = metaData.getTables(null, "", null, null)) {
                assertThat(tables.next()).isFalse();
            }
            try (ResultSet tables = metaData.getTables(null, "sales", "", null)) {
                assertThat(tables.next()).isFalse();
            }
            try (ResultSet columns = metaData.getColumns(null, "", "orders", null)) {
                assertThat(columns.next()).isFalse();
            }
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void glueAccessDeniedFallsBackToAthenaListTableMetadata() throws SQLException {
        stub("AWSGlue.GetTables", 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized\"}");
        stub("AmazonAthena.ListTableMetadata", 200, "{\"TableMetadataList\":[{\"Name\":\"events\","
                + "\"TableType\":\"EXTERNAL_TABLE\",\"Columns\":[{\"Name\":\"e\",\"Type\":\"string\"}],"
                + "\"PartitionKeys\":[]}]}");
        try (Connection connection = connect("WorkGrup=x")) {
            try (ResultSet tables = connection.getMetaData().getTables(null, "logs", null, null)) {
                assertThat(column(tables, "TABLE_NAME")).containsExactly("events");
            }
            assertThat(connection.getWarnings().getNextWarning().getMessage())
                    .contains("Glue denied glue:GetTables").contains("ListTableMetadata");
        }
    }

    /**
     * Without athena:ListDataCatalogs, getCatalogs lists the connection's own catalog with a warning (42501) naming
     * the denial, rather than failing: a tool's navigator opens on that catalog, whose databases and tables the
     * user may well read, instead of showing nothing.
     */
    @Test
    void listDataCatalogsDeniedListsTheCurrentCatalogWithAWarning() throws SQLException {
        stub("AmazonAthena.ListDataCatalogs", 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: "
                + "arn:aws:iam::123456789012:user/u is not authorized to perform: athena:ListDataCatalogs on resource: *\"}");
        try (Connection connection = connect("Catalog=lakehouse")) {
            try (ResultSet catalogs = connection.getMetaData().getCatalogs()) {
                assertThat(column(catalogs, "TABLE_CAT")).containsExactly("lakehouse");
            }
            SQLWarning warning = connection.getWarnings();
            while (warning != null && !"42501".equals(warning.getSQLState())) {
                warning = warning.getNextWarning();
            }
            assertThat((Object) warning).as("a 42501 warning").isNotNull();
            assertThat(warning.getMessage()).contains("lakehouse").contains("athena:ListDataCatalogs");
        }
    }

    @Test
    void proxyApiNeverCallsGlue() throws SQLException {
        stub("AmazonAthena.ListDatabases", 200, "{\"DatabaseList\":[{\"Name\":\"b\"},{\"Name\":\"a\"}]}");
        try (Connection connection = connect("MetadataRetrievalMethod=ProxyAPI;Catalog=lakehouse");
             ResultSet schemas = connection.getMetaData().getSchemas()) {
            assertThat(schemas.getMetaData().getColumnName(1)).isEqualTo("TABLE_SCHEM");
            assertThat(column(schemas, "TABLE_SCHEM")).containsExactly("a", "b");
        }
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AmazonAthena.ListDatabases")));
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")))).allSatisfy(request ->
                assertThat(request.getHeader("X-Amz-Target")).startsWith("AmazonAthena."));
    }

    @Test
    void keysAndIndexesAreEmptyWithStandardColumns() throws SQLException {
        try (Connection connection = connect("")) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet keys = metaData.getPrimaryKeys(null, "s", "t")) {
                assertThat(keys.getMetaData().getColumnName(5)).isEqualTo("KEY_SEQ");
                assertThat(keys.next()).isFalse();
            }
            try (ResultSet types = metaData.getTableTypes()) {
                assertThat(column(types, "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
            }
            try (ResultSet typeInfo = metaData.getTypeInfo()) {
                assertThat(column(typeInfo, "TYPE_NAME")).contains("varchar", "bigint", "decimal", "timestamp");
            }
            assertThat(metaData.getDatabaseProductName()).isEqualTo("Amazon Athena");
            assertThat(metaData.getJDBCMajorVersion() + "." + metaData.getJDBCMinorVersion()).isEqualTo("4.3");
            assertThat(metaData.getUserName()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
            assertThat(metaData.supportsTransactions()).isFalse();
            assertThat(metaData.getIdentifierQuoteString()).isEqualTo("\"");
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
