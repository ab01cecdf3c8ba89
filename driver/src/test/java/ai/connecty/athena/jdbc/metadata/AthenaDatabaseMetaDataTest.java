package ai.connecty.athena.jdbc.metadata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    /** A stub for the requests of {@code target} whose JSON body contains {@code bodyPart}. */
    private void stub(String target, String bodyPart, int status, String body) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(containing(bodyPart))
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

    private static String glueTable(String name, String type, String extra, String columns) {
        return "{\"Name\":\"" + name + "\",\"TableType\":\"" + type + "\"" + extra
                + ",\"StorageDescriptor\":{\"Columns\":[" + columns + "]},\"PartitionKeys\":[]}";
    }

    private static String denied(String resource) {
        return "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::123456789012:user/u is not "
                + "authorized to perform: glue:GetTables on resource: " + resource + "\"}";
    }

    /**
     * The javadoc's orders, whatever order the catalog answers in: getCatalogs by TABLE_CAT, getSchemas by
     * TABLE_CATALOG and TABLE_SCHEM, getTables by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM and TABLE_NAME, getColumns by
     * TABLE_CAT, TABLE_SCHEM, TABLE_NAME and ORDINAL_POSITION; a catalog named in another case is reported as listed.
     */
    @Test
    void listingsComeInTheJavadocsOrder() throws SQLException {
        stub("AmazonAthena.ListDataCatalogs", 200, "{\"DataCatalogsSummary\":[{\"CatalogName\":\"lakehouse\"},"
                + "{\"CatalogName\":\"AwsDataCatalog\"},{\"CatalogName\":\"archive\"}]}");
        stub("AWSGlue.GetDatabases", 200, "{\"DatabaseList\":[{\"Name\":\"sales\"},{\"Name\":\"hr\"}]}");
        stub("AWSGlue.GetTables", "\"DatabaseName\":\"sales\"", 200, "{\"TableList\":["
                + glueTable("zeta", "EXTERNAL_TABLE", "", "{\"Name\":\"z\",\"Type\":\"int\"}") + ","
                + glueTable("v", "VIRTUAL_VIEW", "", "{\"Name\":\"x\",\"Type\":\"int\"}") + ","
                + glueTable("alpha", "EXTERNAL_TABLE", "", "{\"Name\":\"b\",\"Type\":\"int\"},{\"Name\":\"a\",\"Type\":\"int\"}")
                + "]}");
        stub("AWSGlue.GetTables", "\"DatabaseName\":\"hr\"", 200, "{\"TableList\":["
                + glueTable("people", "EXTERNAL_TABLE", "", "{\"Name\":\"p\",\"Type\":\"int\"}") + "]}");
        try (Connection connection = connect("")) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet catalogs = metaData.getCatalogs()) {
                assertThat(column(catalogs, "TABLE_CAT")).containsExactly("AwsDataCatalog", "archive", "lakehouse");
            }
            try (ResultSet schemas = metaData.getSchemas()) {
                List<String> rows = new ArrayList<>();
                while (schemas.next()) {
                    rows.add(schemas.getString("TABLE_CATALOG") + "." + schemas.getString("TABLE_SCHEM"));
                }
                assertThat(rows).containsExactly("AwsDataCatalog.hr", "AwsDataCatalog.sales");
            }
            try (ResultSet tables = metaData.getTables("AWSDATACATALOG", "%", "%", new String[] {"table", "view"})) {
                List<String> rows = new ArrayList<>();
                while (tables.next()) {
                    rows.add(tables.getString("TABLE_TYPE") + ":" + tables.getString("TABLE_CAT") + "."
                            + tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME"));
                }
                assertThat(rows).containsExactly("TABLE:AwsDataCatalog.hr.people", "TABLE:AwsDataCatalog.sales.alpha",
                        "TABLE:AwsDataCatalog.sales.zeta", "VIEW:AwsDataCatalog.sales.v");
            }
            try (ResultSet columns = metaData.getColumns(null, "%", "%", null)) {
                List<String> rows = new ArrayList<>();
                while (columns.next()) {
                    rows.add(columns.getString("TABLE_SCHEM") + "." + columns.getString("TABLE_NAME") + "."
                            + columns.getString("COLUMN_NAME") + ":" + columns.getInt("ORDINAL_POSITION"));
                }
                assertThat(rows).containsExactly("hr.people.p:1", "sales.alpha.b:1", "sales.alpha.a:2",
                        "sales.v.x:1", "sales.zeta.z:1");
            }
            // "" is objects without a catalog, which Athena does not have.
            try (ResultSet schemas = metaData.getSchemas("", null)) {
                assertThat(schemas.next()).isFalse();
            }
            try (ResultSet tables = metaData.getTables("", null, null, null)) {
                assertThat(tables.next()).isFalse();
            }
            try (ResultSet columns = metaData.getColumns("", null, null, null)) {
                assertThat(columns.next()).isFalse();
            }
        }
    }

    /**
     * A connection whose Catalog property is spelled in another case than ListDataCatalogs lists it: once the catalogs
     * are listed, its rows name the catalog as listed, whether the tool passes null (the connection's catalog) or that
     * spelling, as they do for any other catalog, so that a tool matching rows to getCatalogs' nodes finds them.
     */
    @Test
    void theConnectionsCatalogIsNamedAsListedToo() throws SQLException {
        stub("AmazonAthena.ListDataCatalogs", 200, "{\"DataCatalogsSummary\":[{\"CatalogName\":\"AwsDataCatalog\"}]}");
        stub("AWSGlue.GetDatabases", 200, "{\"DatabaseList\":[{\"Name\":\"sales\"}]}");
        stub("AWSGlue.GetTables", 200, "{\"TableList\":[" + glueTable("t", "EXTERNAL_TABLE", "", "") + "]}");
        try (Connection connection = connect("Catalog=awsdatacatalog")) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet catalogs = metaData.getCatalogs()) {
                assertThat(column(catalogs, "TABLE_CAT")).containsExactly("AwsDataCatalog");
            }
            try (ResultSet schemas = metaData.getSchemas()) {
                assertThat(column(schemas, "TABLE_CATALOG")).containsExactly("AwsDataCatalog");
            }
            try (ResultSet tables = metaData.getTables(null, "sales", "%", null)) {
                assertThat(column(tables, "TABLE_CAT")).containsExactly("AwsDataCatalog");
            }
            try (ResultSet tables = metaData.getTables("awsdatacatalog", "sales", "%", null)) {
                assertThat(column(tables, "TABLE_CAT")).containsExactly("AwsDataCatalog");
            }
        }
    }

    /**
     * Metadata calls are bounded by Connection.setNetworkTimeout as it is at each call, as queries are: a tool whose
     * navigator hangs on a slow catalog gets its SQLException instead of waiting forever.
     */
    @Test
    void catalogCallsHonourTheNetworkTimeoutOfTheMoment() throws SQLException {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetDatabases"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withFixedDelay(1_000)
                        .withBody("{\"DatabaseList\":[{\"Name\":\"sales\"}]}")));
        try (Connection connection = connect("MetadataCacheTtlSeconds=0")) {
            connection.setNetworkTimeout(Runnable::run, 100);
            SQLException e = catchThrowableOfType(SQLException.class, () -> connection.getMetaData().getSchemas());
            assertThat((Object) e).isInstanceOf(java.sql.SQLTransientException.class);
            assertThat(e.getMessage()).contains("GetDatabases");
            connection.setNetworkTimeout(Runnable::run, 0);
            try (ResultSet schemas = connection.getMetaData().getSchemas()) {
                assertThat(column(schemas, "TABLE_SCHEM")).containsExactly("sales");
            }
        }
    }

    /** A database the identity may not read hides only itself from a pattern, and fails when named exactly. */
    @Test
    void aDeniedDatabaseIsLeftOutOfAPatternButFailsByName() throws SQLException {
        stub("AWSGlue.GetDatabases", 200, "{\"DatabaseList\":[{\"Name\":\"open\"},{\"Name\":\"secret\"}]}");
        stub("AWSGlue.GetTables", "\"DatabaseName\":\"open\"", 200, "{\"TableList\":["
                + glueTable("t", "EXTERNAL_TABLE", "", "{\"Name\":\"c\",\"Type\":\"int\"}") + "]}");
        stub("AWSGlue.GetTables", "\"DatabaseName\":\"secret\"", 400,
                denied("arn:aws:glue:us-east-1:123456789012:database/secret"));
        try (Connection connection = connect("")) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet tables = metaData.getTables(null, "%", "%", null)) {
                assertThat(column(tables, "TABLE_SCHEM")).containsExactly("open");
            }
            assertThat((Object) connection.getWarnings()).isNotNull();
            assertThat(connection.getWarnings().getSQLState()).isEqualTo("42501");
            assertThat(connection.getWarnings().getMessage()).contains("secret");
            SQLException byName = catchThrowableOfType(SQLException.class,
                    () -> metaData.getTables(null, "secret", "%", null));
            assertThat(byName.getSQLState()).isEqualTo("42501");
        }
        aws.verify(0, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListTableMetadata")));
    }

    /** MetadataRetrievalMethod=Glue never falls back: Glue's refusal of the whole catalog is the call's failure. */
    @Test
    void glueMethodDoesNotFallBackWhenGlueIsDenied() throws SQLException {
        stub("AWSGlue.GetTables", 400, denied("arn:aws:glue:us-east-1:123456789012:catalog"));
        try (Connection connection = connect("MetadataRetrievalMethod=Glue")) {
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> connection.getMetaData().getTables(null, "logs", "%", null));
            assertThat(e.getSQLState()).isEqualTo("42501");
        }
        aws.verify(0, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.ListTableMetadata")));
    }

    /** Under auto, a catalog-wide denial of GetDatabases or GetTable moves the connection to Athena's calls too. */
    @Test
    void glueDenialOfDatabasesAndOfOneTableFallsBackUnderAuto() throws SQLException {
        stub("AWSGlue.GetDatabases", 400, denied("arn:aws:glue:us-east-1:123456789012:catalog"));
        stub("AmazonAthena.ListDatabases", 200, "{\"DatabaseList\":[{\"Name\":\"logs\"}]}");
        try (Connection connection = connect("")) {
            try (ResultSet schemas = connection.getMetaData().getSchemas()) {
                assertThat(column(schemas, "TABLE_SCHEM")).containsExactly("logs");
            }
        }
        stub("AWSGlue.GetTable", 400, denied("arn:aws:glue:us-east-1:123456789012:catalog"));
        stub("AmazonAthena.ListTableMetadata", 200, "{\"TableMetadataList\":[{\"Name\":\"events\","
                + "\"TableType\":\"EXTERNAL_TABLE\",\"Columns\":[{\"Name\":\"e\",\"Type\":\"string\"}],"
                + "\"PartitionKeys\":[]}]}");
        try (Connection connection = connect("")) {
            try (ResultSet columns = connection.getMetaData().getColumns(null, "logs", "events", null)) {
                assertThat(column(columns, "COLUMN_NAME")).containsExactly("e");
            }
            assertThat(connection.getWarnings().getMessage()).contains("Glue denied glue:GetTable ");
        }
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetDatabases")));
    }

    /** The fallback is decided once: after Glue denied GetDatabases, the tables are read through Athena too. */
    @Test
    void aGlueDenialMovesTheRestOfTheConnectionToAthenasCalls() throws SQLException {
        stub("AWSGlue.GetDatabases", 400, denied("arn:aws:glue:us-east-1:123456789012:catalog"));
        stub("AmazonAthena.ListDatabases", 200, "{\"DatabaseList\":[{\"Name\":\"logs\"}]}");
        stub("AmazonAthena.ListTableMetadata", 200, "{\"TableMetadataList\":[]}");
        try (Connection connection = connect("")) {
            try (ResultSet schemas = connection.getMetaData().getSchemas()) {
                assertThat(column(schemas, "TABLE_SCHEM")).containsExactly("logs");
            }
            assertThat(connection.getWarnings().getMessage()).contains("Glue denied glue:GetDatabases");
            try (ResultSet tables = connection.getMetaData().getTables(null, "logs", "%", null)) {
                assertThat(tables.next()).isFalse();
            }
        }
        aws.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetTables")));
    }

    /** Under auto, only a Glue call's denial can mean "no Glue": Athena's own refusal is the call's 42501. */
    @Test
    void athenasOwnDenialIsTheCallsFailureUnderAuto() throws SQLException {
        stub("AmazonAthena.ListTableMetadata", 400,
                "{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized\"}");
        try (Connection connection = connect("Catalog=lakehouse")) {
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> connection.getMetaData().getTables(null, "logs", "%", null));
            assertThat(e.getSQLState()).isEqualTo("42501");
        }
    }

    /**
     * Athena's ListTableMetadata (other catalogs, ProxyAPI): an exact name is a narrowed listing whose other tables
     * are dropped; columns come before partition keys; a database Athena does not find is empty, another failure
     * is the call's failure.
     */
    @Test
    void athenaCatalogCallsGiveColumnsPartitionsAndEmptyUnknownDatabases() throws SQLException {
        stub("AmazonAthena.ListTableMetadata", "\"DatabaseName\":\"sales\"", 200, "{\"TableMetadataList\":["
                + "{\"Name\":\"orders_old\",\"TableType\":\"EXTERNAL_TABLE\",\"Columns\":[],\"PartitionKeys\":[]},"
                + "{\"Name\":\"orders\",\"TableType\":\"EXTERNAL_TABLE\",\"Parameters\":{\"comment\":\"all\"},"
                + "\"Columns\":[{\"Name\":\"id\",\"Type\":\"bigint\"}],"
                + "\"PartitionKeys\":[{\"Name\":\"dt\",\"Type\":\"string\"}]}]}");
        stub("AmazonAthena.ListTableMetadata", "\"DatabaseName\":\"gone\"", 400, "{\"__type\":\"MetadataException\","
                + "\"Message\":\"com.amazonaws.services.glue.model.EntityNotFoundException: Database gone not found.\"}");
        stub("AmazonAthena.ListTableMetadata", "\"DatabaseName\":\"broken\"", 400, "{\"__type\":\"MetadataException\","
                + "\"Message\":\"Lambda function athena-connector timed out\"}");
        try (Connection connection = connect("Catalog=lakehouse")) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet columns = metaData.getColumns(null, "sales", "orders", null)) {
                List<String> rows = new ArrayList<>();
                while (columns.next()) {
                    rows.add(columns.getString("TABLE_NAME") + "." + columns.getString("COLUMN_NAME") + ":"
                            + columns.getInt("ORDINAL_POSITION"));
                }
                assertThat(rows).containsExactly("orders.id:1", "orders.dt:2");
            }
            try (ResultSet tables = metaData.getTables(null, "sales", "orders", null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("REMARKS")).isEqualTo("all");
            }
            try (ResultSet tables = metaData.getTables(null, "gone", "%", null)) {
                assertThat(tables.next()).isFalse();
            }
            SQLException broken = catchThrowableOfType(SQLException.class,
                    () -> metaData.getTables(null, "broken", "%", null));
            assertThat(broken.getMessage()).contains("timed out");
        }
        // The exact name narrows the listing on the server.
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.ListTableMetadata"))
                .withRequestBody(containing("\"DatabaseName\":\"sales\"")).withRequestBody(containing("\"Expression\":\"orders\"")));
    }

    /** A database dropped while ListTableMetadata pages it lists no table, as through Glue. */
    @Test
    void aDatabaseDroppedWhileAthenaPagesItIsEmpty() throws SQLException {
        stub("AmazonAthena.ListTableMetadata", 200, "{\"TableMetadataList\":[{\"Name\":\"t\",\"Columns\":[]}],"
                + "\"NextToken\":\"page2\"}");
        stub("AmazonAthena.ListTableMetadata", "page2", 400, "{\"__type\":\"MetadataException\","
                + "\"Message\":\"com.amazonaws.services.glue.model.EntityNotFoundException: Database s not found.\"}");
        try (Connection connection = connect("Catalog=lakehouse");
             ResultSet tables = connection.getMetaData().getTables(null, "s", "%", null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    /**
     * Glue's Description wins over the {@code comment} parameter Athena's DDL writes, unless it is empty; Athena's
     * "Presto View" marker on a view is no remark, but a table may carry those words.
     */
    @Test
    void remarksComeFromTheDescriptionOrTheCommentParameter() throws SQLException {
        stub("AWSGlue.GetTables", 200, "{\"TableList\":["
                + glueTable("a", "EXTERNAL_TABLE", ",\"Description\":\"\",\"Parameters\":{\"comment\":\"from ddl\"}", "")
                + "," + glueTable("b", "VIRTUAL_VIEW", ",\"Description\":\"Presto View\"", "")
                + "," + glueTable("c", "EXTERNAL_TABLE", ",\"Description\":\"Presto View\"", "")
                + "," + glueTable("d", "VIRTUAL_VIEW", ",\"Description\":\"open orders\"", "") + "]}");
        try (Connection connection = connect("");
             ResultSet tables = connection.getMetaData().getTables(null, "s", "%", null)) {
            List<String> rows = new ArrayList<>();
            while (tables.next()) {
                rows.add(tables.getString("TABLE_NAME") + "=" + tables.getString("REMARKS"));
            }
            assertThat(rows).containsExactly("a=from ddl", "c=Presto View", "b=null", "d=open orders");
        }
    }

    /** A database dropped while its tables are paged (EntityNotFound on a later page) lists no table. */
    @Test
    void aDatabaseDroppedWhileItsTablesArePagedIsEmpty() throws SQLException {
        stub("AWSGlue.GetTables", 200, "{\"TableList\":[" + glueTable("t", "EXTERNAL_TABLE", "", "")
                + "],\"NextToken\":\"page2\"}");
        stub("AWSGlue.GetTables", "page2", 400,
                "{\"__type\":\"EntityNotFoundException\",\"Message\":\"Database s not found.\"}");
        try (Connection connection = connect("");
             ResultSet tables = connection.getMetaData().getTables(null, "s", "%", null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    /** SEARCHABLE: LIKE only on character types, the other WHERE predicates on every comparable type, none on the rest. */
    @Test
    void typeInfoSaysWhichPredicatesEachTypeTakes() throws SQLException {
        try (Connection connection = connect("");
             ResultSet types = connection.getMetaData().getTypeInfo()) {
            List<String> rows = new ArrayList<>();
            int previous = Integer.MIN_VALUE;
            while (types.next()) {
                rows.add(types.getString("TYPE_NAME") + "=" + types.getShort("SEARCHABLE"));
                assertThat(types.getInt("DATA_TYPE")).as("ordered by DATA_TYPE").isGreaterThanOrEqualTo(previous);
                previous = types.getInt("DATA_TYPE");
            }
            assertThat(rows).contains("varchar=" + DatabaseMetaData.typeSearchable,
                    "char=" + DatabaseMetaData.typeSearchable, "bigint=" + DatabaseMetaData.typePredBasic,
                    "timestamp=" + DatabaseMetaData.typePredBasic, "array=" + DatabaseMetaData.typePredNone,
                    "map=" + DatabaseMetaData.typePredNone, "json=" + DatabaseMetaData.typePredNone);
        }
    }

    /** What Athena does not have is an empty result with the javadoc's columns, so that a tool can read its shape. */
    @Test
    void absentObjectsAreEmptyResultsWithTheJavadocsColumns() throws SQLException {
        try (Connection connection = connect("ApplicationName=etl")) {
            DatabaseMetaData m = connection.getMetaData();
            assertEmpty(m.getImportedKeys(null, "s", "t"), 14, "PKTABLE_CAT", "DEFERRABILITY");
            assertEmpty(m.getExportedKeys(null, "s", "t"), 14, "PKTABLE_CAT", "DEFERRABILITY");
            assertEmpty(m.getCrossReference(null, "s", "t", null, "s", "u"), 14, "PKTABLE_CAT", "DEFERRABILITY");
            assertEmpty(m.getIndexInfo(null, "s", "t", false, true), 13, "TABLE_CAT", "FILTER_CONDITION");
            assertEmpty(m.getProcedures(null, "%", "%"), 9, "PROCEDURE_CAT", "SPECIFIC_NAME");
            assertEmpty(m.getProcedureColumns(null, "%", "%", "%"), 20, "PROCEDURE_CAT", "SPECIFIC_NAME");
            assertEmpty(m.getFunctions(null, "%", "%"), 6, "FUNCTION_CAT", "SPECIFIC_NAME");
            assertEmpty(m.getFunctionColumns(null, "%", "%", "%"), 17, "FUNCTION_CAT", "SPECIFIC_NAME");
            assertEmpty(m.getUDTs(null, "%", "%", null), 7, "TYPE_CAT", "BASE_TYPE");
            assertEmpty(m.getSuperTypes(null, "%", "%"), 6, "TYPE_CAT", "SUPERTYPE_NAME");
            assertEmpty(m.getSuperTables(null, "%", "%"), 4, "TABLE_CAT", "SUPERTABLE_NAME");
            assertEmpty(m.getAttributes(null, "%", "%", "%"), 21, "TYPE_CAT", "SOURCE_DATA_TYPE");
            assertEmpty(m.getColumnPrivileges(null, "s", "t", "%"), 8, "TABLE_CAT", "IS_GRANTABLE");
            assertEmpty(m.getTablePrivileges(null, "%", "%"), 7, "TABLE_CAT", "IS_GRANTABLE");
            assertEmpty(m.getBestRowIdentifier(null, "s", "t", DatabaseMetaData.bestRowSession, true), 8, "SCOPE",
                    "PSEUDO_COLUMN");
            assertEmpty(m.getVersionColumns(null, "s", "t"), 8, "SCOPE", "PSEUDO_COLUMN");
            assertEmpty(m.getPseudoColumns(null, "%", "%", "%"), 12, "TABLE_CAT", "IS_NULLABLE");
            try (ResultSet info = m.getClientInfoProperties()) {
                List<String> rows = new ArrayList<>();
                while (info.next()) {
                    rows.add(info.getString("NAME") + "|" + info.getInt("MAX_LEN") + "|" + info.getString("DEFAULT_VALUE"));
                    assertThat(info.getString("DESCRIPTION")).isNotEmpty();
                }
                assertThat(rows).containsExactly("ApplicationName|" + Integer.MAX_VALUE + "|etl",
                        "ClientUser|" + Integer.MAX_VALUE + "|null", "ClientHostname|" + Integer.MAX_VALUE + "|null");
            }
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    private static void assertEmpty(ResultSet rs, int columns, String first, String last) throws SQLException {
        try (rs) {
            ResultSetMetaData shape = rs.getMetaData();
            assertThat(shape.getColumnCount()).isEqualTo(columns);
            assertThat(shape.getColumnName(1)).isEqualTo(first);
            assertThat(shape.getColumnName(columns)).isEqualTo(last);
            assertThat(rs.next()).isFalse();
        }
    }
}
