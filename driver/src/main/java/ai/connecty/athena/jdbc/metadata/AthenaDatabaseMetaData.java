package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.config.ConnectionUrl;
import ai.connecty.athena.jdbc.config.DriverVersion;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.InMemoryResultSet;
import ai.connecty.athena.jdbc.types.AthenaType;
import ai.connecty.athena.jdbc.types.CastRules;
import ai.connecty.athena.jdbc.types.TypeSignature;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DatabaseMetaData for Athena: JDBC catalog = Athena data catalog, JDBC schema = Athena database. Catalog
 * contents come from the connection's {@link MetadataHome} (Glue or Athena's catalog calls, cached for
 * MetadataCacheTtlSeconds); capabilities describe Athena's
 * engine (Trino SQL): no transactions, keys, indexes or procedures. A null catalog argument means the
 * connection's catalog (Catalog property), so listing never walks every catalog (and never wakes Lambda
 * connectors of federated catalogs) unless asked.
 */
public final class AthenaDatabaseMetaData implements DatabaseMetaData {
    private static final Logger LOG = LoggerFactory.getLogger(AthenaDatabaseMetaData.class);
    private static final String TABLE = "TABLE";
    private static final String VIEW = "VIEW";

    private final Connection connection;
    private final String url;
    private final ConnectionConfig config;
    private final MetadataHome home;

    private AthenaDatabaseMetaData(Connection connection, String url, ConnectionConfig config, MetadataHome home) {
        this.connection = connection;
        this.url = url;
        this.config = config;
        this.home = home;
    }

    /**
     * The metadata of a connection, reading through the connection's own (long-lived) metadata home. The
     * connection passes its URL and configuration in, so that it needs no public accessors for them.
     */
    public static DatabaseMetaData create(Connection connection, String url, ConnectionConfig config,
                                          MetadataHome home) {
        return new AthenaDatabaseMetaData(connection, url, config, home);
    }

    // ---------------------------------------------------------------- catalog contents

    @Override
    public ResultSet getCatalogs() throws SQLException {
        checkOpen();
        List<List<String>> rows = new ArrayList<>();
        String current = connection.getCatalog();
        for (String catalog : remote(() -> home.catalogsUnlessDenied(current))) {
            rows.add(row(catalog));
        }
        rows.sort(Comparator.comparing(r -> r.get(0)));
        return result(MetadataColumns.CATALOGS, rows);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        checkOpen();
        List<List<String>> rows = new ArrayList<>();
        String resolved = catalogOrDefault(catalog);
        if (resolved != null) {
            for (String schema : databasesMatching(resolved, NamePattern.of(schemaPattern))) {
                rows.add(row(schema, resolved));
            }
        }
        rows.sort(Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(0)));
        return result(MetadataColumns.SCHEMAS, rows);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return result(MetadataColumns.TABLE_TYPES, Arrays.asList(row(TABLE), row(VIEW)));
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        checkOpen();
        List<List<String>> rows = new ArrayList<>();
        Set<String> wanted = tableTypes(types);
        String resolved = catalogOrDefault(catalog);
        if (resolved != null && !wanted.isEmpty()) {
            NamePattern tables = NamePattern.of(tableNamePattern);
            for (String schema : schemas(resolved, schemaPattern)) {
                for (TableEntry table : tablesOf(resolved, schema, schemaPattern, tables)) {
                    if (wanted.contains(table.tableType())) {
                        rows.add(row(resolved, schema, table.name(), table.tableType(), table.comment(),
                                null, null, null, null, null));
                    }
                }
            }
        }
        rows.sort(Comparator.comparing((List<String> r) -> r.get(3)).thenComparing(r -> r.get(0))
                .thenComparing(r -> r.get(1)).thenComparing(r -> r.get(2)));
        return result(MetadataColumns.TABLES, rows);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        checkOpen();
        List<List<String>> rows = new ArrayList<>();
        String resolved = catalogOrDefault(catalog);
        if (resolved != null) {
            NamePattern tables = NamePattern.of(tableNamePattern);
            NamePattern columns = NamePattern.of(columnNamePattern);
            for (String schema : schemas(resolved, schemaPattern)) {
                List<TableEntry> entries = new ArrayList<>(tablesOf(resolved, schema, schemaPattern, tables));
                entries.sort(Comparator.comparing(TableEntry::name));
                for (TableEntry table : entries) {
                    addColumnRows(rows, resolved, schema, table, columns);
                }
            }
        }
        return result(MetadataColumns.COLUMNS, rows);
    }

    private static void addColumnRows(List<List<String>> rows, String catalog, String schema, TableEntry table,
                                      NamePattern columns) {
        int position = 0;
        for (TableEntry.ColumnEntry column : table.columns()) {
            position++;
            if (!columns.matches(column.name())) {
                continue;
            }
            TypeSignature type = TypeSignature.parse(column.type());
            // Athena cannot say whether a column holds NULLs (Hive tables have no NOT NULL), so all may.
            rows.add(row(catalog, schema, table.name(), column.name(), type.jdbcType(), type.typeName(),
                    type.hasPrecision() ? type.precision() : null, null, type.hasScale() ? type.scale() : null,
                    type.radix(), columnNullable, column.comment(), null, null, null, type.charOctetLength(), position,
                    "YES", null, null, null, null, "NO", "NO"));
        }
    }

    /** A database named exactly fails as it fails; one of several a pattern matched is left out if denied. */
    private List<TableEntry> tablesOf(String catalog, String schema, String schemaPattern, NamePattern tables)
            throws SQLException {
        return remote(() -> NamePattern.of(schemaPattern).exactName().isPresent() ? home.tables(catalog, schema, tables)
                : home.tablesUnlessDenied(catalog, schema, tables));
    }

    private List<String> schemas(String catalog, String schemaPattern) throws SQLException {
        NamePattern pattern = NamePattern.of(schemaPattern);
        if (pattern.exactName().isPresent()) {
            // "" asks for objects without a schema; Athena has none, and Glue rejects an empty DatabaseName.
            String exact = pattern.exactName().get();
            return exact.isEmpty() ? Collections.emptyList() : Collections.singletonList(exact);
        }
        List<String> schemas = databasesMatching(catalog, pattern);
        Collections.sort(schemas);
        return schemas;
    }

    private List<String> databasesMatching(String catalog, NamePattern pattern) throws SQLException {
        List<String> matching = new ArrayList<>();
        for (String database : remote(() -> home.databases(catalog))) {
            if (pattern.matches(database)) {
                matching.add(database);
            }
        }
        return matching;
    }

    /** Null catalog = the connection's current one; "" = objects without a catalog, which Athena does not have. */
    private String catalogOrDefault(String catalog) throws SQLException {
        if (catalog != null && catalog.isEmpty()) {
            return null;
        }
        // Never null: it starts as the Catalog property, which has a default, and setCatalog refuses empty names.
        String named = catalog == null ? connection.getCatalog() : catalog;
        // Athena resolves catalog names in any case; rows name one as getCatalogs listed it, so that a tool joining
        // the two listings finds it. The connection's own catalog too: its Catalog property may be spelled
        // awsdatacatalog. Only from a listing already made: a tool that joins has listed the catalogs, and a
        // ListDataCatalogs call before every metadata call would be paid by all the others.
        for (String listed : home.listedCatalogs().orElse(Collections.emptyList())) {
            if (listed.equalsIgnoreCase(named)) {
                return listed;
            }
        }
        return named;
    }

    private static Set<String> tableTypes(String[] types) {
        Set<String> wanted = new HashSet<>();
        if (types == null) {
            wanted.add(TABLE);
            wanted.add(VIEW);
            return wanted;
        }
        for (String type : types) {
            if (type != null) {
                wanted.add(type.toUpperCase(Locale.ROOT));
            }
        }
        return wanted;
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        checkOpen();
        List<List<String>> rows = new ArrayList<>();
        for (TypeSignature type : TypeSignature.typeInfoTypes()) {
            AthenaType kind = type.kind();
            // Athena has no unsigned, money-like fixed-scale or auto-increment types.
            rows.add(row(kind.athenaName(), type.jdbcType(), type.precision(), kind.literalPrefix(),
                    kind.literalSuffix(), kind.createParams(), typeNullable, type.isCaseSensitive(),
                    searchable(type), false, false, false,
                    kind.athenaName(), 0, type.maximumScale(), null, null, type.radix()));
        }
        return result(MetadataColumns.TYPE_INFO, rows);
    }

    /** All WHERE clauses for character types, all but LIKE for the other comparable ones, none for the rest. */
    private static int searchable(TypeSignature type) {
        if (!type.isComparable()) {
            return typePredNone;
        }
        return type.supportsLike() ? typeSearchable : typePredBasic;
    }

    // ---------------------------------------------------------------- objects Athena does not have

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.PRIMARY_KEYS);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.FOREIGN_KEYS);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.FOREIGN_KEYS);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return empty(MetadataColumns.FOREIGN_KEYS);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
        return empty(MetadataColumns.INDEX_INFO);
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        return empty(MetadataColumns.PROCEDURES);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.PROCEDURE_COLUMNS);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        return empty(MetadataColumns.FUNCTIONS);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.FUNCTION_COLUMNS);
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        return empty(MetadataColumns.UDTS);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return empty(MetadataColumns.SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return empty(MetadataColumns.SUPER_TABLES);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return empty(MetadataColumns.ATTRIBUTES);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.COLUMN_PRIVILEGES);
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return empty(MetadataColumns.TABLE_PRIVILEGES);
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
        return empty(MetadataColumns.ROW_IDENTIFIERS);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.ROW_IDENTIFIERS);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.PSEUDO_COLUMNS);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return result(MetadataColumns.CLIENT_INFO_PROPERTIES, ClientInfoNames.rows(config.applicationName()));
    }

    private ResultSet empty(List<ColumnSpec> columns) throws SQLException {
        return result(columns, Collections.emptyList());
    }

    private ResultSet result(List<ColumnSpec> columns, List<List<String>> rows) throws SQLException {
        checkOpen();
        return InMemoryResultSet.create(null, columns, rows);
    }

    /** A read of the catalog through the connection's AWS clients. */
    @FunctionalInterface
    private interface RemoteRead<T> {
        T get() throws SQLException;
    }

    /**
     * Runs {@code read}; if it fails because another thread closed the connection meanwhile (a pool evicting it under
     * a tool's navigator), the caller hears that the connection is closed (08003, the call's failure as cause), not
     * the 58000 "Connection pool shut down" of the HTTP client closed under the call, which reads as a passing
     * service fault to retry.
     */
    private <T> T remote(RemoteRead<T> read) throws SQLException {
        try {
            return read.get();
        } catch (SQLException e) {
            if (connection.isClosed()) {
                throw new SQLException("The connection was closed while this DatabaseMetaData call read the catalog",
                        SqlState.CONNECTION_DOES_NOT_EXIST, e);
            }
            throw e;
        }
    }

    /**
     * Listings need the connection's AWS clients, which closing it shut down; the answers built from memory
     * refuse too, so that every ResultSet of a closed connection fails the same way.
     */
    private void checkOpen() throws SQLException {
        if (connection.isClosed()) {
            throw new SQLException("The connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST);
        }
    }

    /** A row rendered as Athena would render the values in text; null stays SQL NULL. */
    static List<String> row(Object... values) {
        List<String> row = new ArrayList<>(values.length);
        for (Object value : values) {
            row.add(value == null ? null : String.valueOf(value));
        }
        return row;
    }

    // ---------------------------------------------------------------- identity

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() throws SQLException {
        return ConnectionUrl.parseLeniently(url).withSecretsMasked();
    }

    /** The access key id of static credentials; null when credentials come from a provider. */
    @Override
    public String getUserName() {
        return config.accessKeyId().orElse(null);
    }

    @Override
    public String getDatabaseProductName() {
        return "Amazon Athena";
    }

    /** Athena engine version 3 (Trino based). */
    @Override
    public String getDatabaseProductVersion() {
        return "3";
    }

    @Override
    public int getDatabaseMajorVersion() {
        return 3;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return 0;
    }

    @Override
    public String getDriverName() {
        return "Connecty Athena JDBC";
    }

    @Override
    public String getDriverVersion() {
        return DriverVersion.version();
    }

    @Override
    public int getDriverMajorVersion() {
        return DriverVersion.major();
    }

    @Override
    public int getDriverMinorVersion() {
        return DriverVersion.minor();
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    /**
     * 4.3: the driver targets Java 11 and implements what 4.3 added (the enquote methods of Statement, the
     * {@code {limit}} escape, supportsSharding answering false); a tool that branches on the level may use them.
     */
    @Override
    public int getJDBCMinorVersion() {
        return 3;
    }

    /** Athena runs CTAS, INSERT INTO and DDL, so the connection is not read-only. */
    @Override
    public boolean isReadOnly() {
        return false;
    }

    // ---------------------------------------------------------------- SQL dialect (Trino)

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    /**
     * The keywords that SQL:2003 does not have, as the javadoc asks (tools know those): first the words Athena
     * (Trino) reserves beyond SQL:2003, which must be quoted to name a column ({@code SELECT 1 AS skip} does not
     * parse), then Athena's own unreserved keywords.
     */
    @Override
    public String getSQLKeywords() {
        return "CURRENT_CATALOG,CURRENT_SCHEMA,JSON_ARRAY,JSON_EXISTS,JSON_OBJECT,JSON_QUERY,JSON_TABLE,JSON_VALUE,"
                + "LISTAGG,SKIP,EXPLAIN,IGNORE,LIMIT,MAP,RESPECT,SHOW,TRY_CAST";
    }

    /*
     * The function lists name what a {fn ...} escape can call (the javadoc asks for the Open Group CLI names of
     * that escape): the Open Group names JdbcEscapes translates (ucase, ifnull, curdate, log, locate, dayofweek,
     * timestampadd...), including those Athena lacks under that name (cot, left, space, difference...), and Athena's
     * own functions, which the escape passes through unchanged.
     */
    @Override
    public String getNumericFunctions() {
        return "abs,acos,asin,atan,atan2,cbrt,ceiling,cos,cosh,cot,degrees,exp,floor,ln,log,log10,log2,mod,pi,power,"
                + "radians,rand,round,sign,sin,sqrt,tan,tanh,truncate";
    }

    @Override
    public String getStringFunctions() {
        return "ascii,char,char_length,character_length,concat,difference,insert,lcase,left,length,locate,lower,lpad,ltrim,"
                + "octet_length,position,repeat,replace,reverse,right,rpad,rtrim,soundex,space,split,strpos,substr,"
                + "substring,trim,ucase,upper";
    }

    /** {fn database()} is current_schema, {fn ifnull(a, b)} coalesce, {fn user()} current_user. */
    @Override
    public String getSystemFunctions() {
        return "database,ifnull,user";
    }

    @Override
    public String getTimeDateFunctions() {
        return "curdate,current_date,current_time,current_timestamp,curtime,date_add,date_diff,date_format,date_parse,"
                + "date_trunc,day,day_of_week,day_of_year,dayname,dayofmonth,dayofweek,dayofyear,extract,from_unixtime,"
                + "hour,minute,month,monthname,now,quarter,second,timestampadd,timestampdiff,to_unixtime,week,year";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public boolean allProceduresAreCallable() {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    // Trino sorts NULLs last in both directions by default.
    @Override
    public boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return true;
    }

    @Override
    public boolean usesLocalFiles() {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    // The catalog folds unquoted and quoted identifiers to lower case.
    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    /** {fn convert(value, SQL_type)} is a CAST to the Athena type a parameter of that JDBC type is bound as. */
    @Override
    public boolean supportsConvert() {
        return true;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return CastRules.castable(fromType, toType);
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return false;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return false;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return true;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    // Limits Athena does not publish as fixed numbers: 0 means "unknown or no limit".
    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 255;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    /** Athena's query string limit is 262,144 bytes. */
    @Override
    public int getMaxStatementLength() {
        return 262_144;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 255;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    // ---------------------------------------------------------------- transactions and result sets

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsTransactions() {
        return false;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    /** Batches run their statements one after the other (AthenaStatement.executeBatch). */
    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        // Under emulate they exist on the transaction's terms; Spring asks this before a nested transaction.
        return config.emulateTransactions();
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    /** getMoreResults(KEEP_CURRENT_RESULT) leaves the result set open; a statement never has a second one. */
    @Override
    public boolean supportsMultipleOpenResults() {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return false;
    }

    /** Both: without transactions no commit closes a cursor, so each is honoured as asked (the default is HOLD). */
    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT || holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public boolean supportsRefCursors() {
        return false;
    }

    @Override
    public boolean supportsSharding() {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("AthenaDatabaseMetaData does not implement " + iface, SqlState.GENERAL_ERROR);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
