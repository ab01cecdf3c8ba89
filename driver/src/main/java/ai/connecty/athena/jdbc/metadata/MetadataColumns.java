package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The column sets of DatabaseMetaData result sets, in the names and order the {@code java.sql.DatabaseMetaData}
 * javadoc prescribes. Each column is written {@code NAME} (varchar) or {@code NAME:athenaType}.
 */
final class MetadataColumns {
    static final List<ColumnSpec> CATALOGS = of("TABLE_CAT");
    static final List<ColumnSpec> SCHEMAS = of("TABLE_SCHEM", "TABLE_CATALOG");
    static final List<ColumnSpec> TABLE_TYPES = of("TABLE_TYPE");
    static final List<ColumnSpec> TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
            "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
    static final List<ColumnSpec> COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "DATA_TYPE:integer", "TYPE_NAME", "COLUMN_SIZE:integer", "BUFFER_LENGTH:integer", "DECIMAL_DIGITS:integer",
            "NUM_PREC_RADIX:integer", "NULLABLE:integer", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:integer",
            "SQL_DATETIME_SUB:integer", "CHAR_OCTET_LENGTH:integer", "ORDINAL_POSITION:integer", "IS_NULLABLE",
            "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:smallint", "IS_AUTOINCREMENT",
            "IS_GENERATEDCOLUMN");
    static final List<ColumnSpec> TYPE_INFO = of("TYPE_NAME", "DATA_TYPE:integer", "PRECISION:integer",
            "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE:smallint", "CASE_SENSITIVE:boolean",
            "SEARCHABLE:smallint", "UNSIGNED_ATTRIBUTE:boolean", "FIXED_PREC_SCALE:boolean", "AUTO_INCREMENT:boolean",
            "LOCAL_TYPE_NAME", "MINIMUM_SCALE:smallint", "MAXIMUM_SCALE:smallint", "SQL_DATA_TYPE:integer",
            "SQL_DATETIME_SUB:integer", "NUM_PREC_RADIX:integer");
    static final List<ColumnSpec> PRIMARY_KEYS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "KEY_SEQ:smallint", "PK_NAME");
    static final List<ColumnSpec> FOREIGN_KEYS = of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
            "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:smallint", "UPDATE_RULE:smallint",
            "DELETE_RULE:smallint", "FK_NAME", "PK_NAME", "DEFERRABILITY:smallint");
    static final List<ColumnSpec> INDEX_INFO = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:boolean",
            "INDEX_QUALIFIER", "INDEX_NAME", "TYPE:smallint", "ORDINAL_POSITION:smallint", "COLUMN_NAME", "ASC_OR_DESC",
            "CARDINALITY:bigint", "PAGES:bigint", "FILTER_CONDITION");
    static final List<ColumnSpec> PROCEDURES = of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1",
            "RESERVED2", "RESERVED3", "REMARKS", "PROCEDURE_TYPE:smallint", "SPECIFIC_NAME");
    static final List<ColumnSpec> PROCEDURE_COLUMNS = of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
            "COLUMN_NAME", "COLUMN_TYPE:smallint", "DATA_TYPE:integer", "TYPE_NAME", "PRECISION:integer",
            "LENGTH:integer", "SCALE:smallint", "RADIX:smallint", "NULLABLE:smallint", "REMARKS", "COLUMN_DEF",
            "SQL_DATA_TYPE:integer", "SQL_DATETIME_SUB:integer", "CHAR_OCTET_LENGTH:integer",
            "ORDINAL_POSITION:integer", "IS_NULLABLE", "SPECIFIC_NAME");
    static final List<ColumnSpec> FUNCTIONS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS",
            "FUNCTION_TYPE:smallint", "SPECIFIC_NAME");
    static final List<ColumnSpec> FUNCTION_COLUMNS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
            "COLUMN_NAME", "COLUMN_TYPE:smallint", "DATA_TYPE:integer", "TYPE_NAME", "PRECISION:integer",
            "LENGTH:integer", "SCALE:smallint", "RADIX:smallint", "NULLABLE:smallint", "REMARKS",
            "CHAR_OCTET_LENGTH:integer", "ORDINAL_POSITION:integer", "IS_NULLABLE", "SPECIFIC_NAME");
    static final List<ColumnSpec> UDTS = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:integer",
            "REMARKS", "BASE_TYPE:smallint");
    static final List<ColumnSpec> SUPER_TYPES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT",
            "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    static final List<ColumnSpec> SUPER_TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    static final List<ColumnSpec> ATTRIBUTES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME",
            "DATA_TYPE:integer", "ATTR_TYPE_NAME", "ATTR_SIZE:integer", "DECIMAL_DIGITS:integer",
            "NUM_PREC_RADIX:integer", "NULLABLE:integer", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE:integer",
            "SQL_DATETIME_SUB:integer", "CHAR_OCTET_LENGTH:integer", "ORDINAL_POSITION:integer", "IS_NULLABLE",
            "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:smallint");
    static final List<ColumnSpec> COLUMN_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    static final List<ColumnSpec> TABLE_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR",
            "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    /** getBestRowIdentifier and getVersionColumns share this shape. */
    static final List<ColumnSpec> ROW_IDENTIFIERS = of("SCOPE:smallint", "COLUMN_NAME", "DATA_TYPE:integer",
            "TYPE_NAME", "COLUMN_SIZE:integer", "BUFFER_LENGTH:integer", "DECIMAL_DIGITS:smallint",
            "PSEUDO_COLUMN:smallint");
    static final List<ColumnSpec> PSEUDO_COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "DATA_TYPE:integer", "COLUMN_SIZE:integer", "DECIMAL_DIGITS:integer", "NUM_PREC_RADIX:integer",
            "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH:integer", "IS_NULLABLE");
    static final List<ColumnSpec> CLIENT_INFO_PROPERTIES = of("NAME", "MAX_LEN:integer", "DEFAULT_VALUE",
            "DESCRIPTION");

    private MetadataColumns() {
    }

    private static List<ColumnSpec> of(String... definitions) {
        List<ColumnSpec> columns = new ArrayList<>(definitions.length);
        for (String definition : definitions) {
            int colon = definition.indexOf(':');
            String name = colon < 0 ? definition : definition.substring(0, colon);
            String type = colon < 0 ? "varchar" : definition.substring(colon + 1);
            columns.add(new ColumnSpec(name, name, type, 0, 0, type.equals("varchar"),
                    ResultSetMetaData.columnNullable));
        }
        return Collections.unmodifiableList(columns);
    }
}
