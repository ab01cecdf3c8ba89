package ai.connecty.athena.local.engine.ddl;

import ai.connecty.athena.local.catalog.Bucketing;
import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.engine.ddl.DdlStatement.Name;
import ai.connecty.athena.local.sql.SqlStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the Hive-dialect DDL and the SHOW/DESCRIBE statements Athena runs outside its query engine, from the tokens
 * of the statement's one lexing pass ({@link SqlStatement#hiveTokens}, seen through {@link DdlLexer#of}). CTAS,
 * INSERT and CREATE VIEW are Trino's: they are parsed once at StartQueryExecution (see {@code sql.SqlStatement}) and
 * never come here.
 */
public final class DdlParser {

    /** Why an ALTER TABLE form is refused; also the refusal of the Iceberg-only forms on Hive tables. */
    public static final String UNSUPPORTED_ALTER = "This ALTER TABLE form is not supported by athena-local "
            + "(supported: ADD/DROP PARTITION, RENAME PARTITION, ADD/REPLACE COLUMNS, CHANGE COLUMN, "
            + "SET TBLPROPERTIES, SET LOCATION; on Iceberg tables also DROP COLUMN, RENAME TO, UNSET TBLPROPERTIES; "
            + "see README)";

    private DdlParser() {
    }

    /** Parses a Hive-path statement from the tokens it was lexed into at StartQueryExecution. */
    public static DdlStatement parse(SqlStatement statement) {
        if (statement.onTrinoPath()) {
            throw new IllegalArgumentException("a Trino-path statement has no Hive parse: " + statement.classification());
        }
        return parse(new TokenCursor(statement.text(), DdlLexer.of(statement.hiveTokens())));
    }

    private static DdlStatement parse(TokenCursor c) {
        DdlStatement statement;
        if (c.acceptWords("CREATE")) {
            statement = create(c);
        } else if (c.acceptWords("DROP")) {
            statement = drop(c);
        } else if (c.acceptWords("MSCK", "REPAIR", "TABLE")) {
            statement = new DdlStatement.MsckRepair(name(c));
        } else if (c.acceptWords("ALTER", "TABLE")) {
            statement = alter(c);
        } else if (c.acceptWords("ALTER", "DATABASE") || c.acceptWords("ALTER", "SCHEMA")) {
            statement = alterDatabase(c);
        } else if (c.acceptWords("SHOW")) {
            statement = show(c);
        } else if (c.acceptWords("VACUUM")) {
            statement = new DdlStatement.Vacuum(name(c));
        } else if (c.acceptWords("OPTIMIZE")) {
            statement = optimize(c);
        } else if (c.acceptWords("DESCRIBE") || c.acceptWords("DESC")) {
            c.acceptWords("FORMATTED");
            c.acceptWords("EXTENDED");
            if (c.peekWord("VIEW") && c.peek(1).isPresent()) {
                // DESCRIBE VIEW v (Athena's form for views); a table named view is DESCRIBE view.
                c.acceptWords("VIEW");
            }
            statement = new DdlStatement.Describe(name(c));
        } else {
            throw c.error("a DDL or SHOW statement");
        }
        c.expectEnd();
        return statement;
    }

    private static DdlStatement optimize(TokenCursor c) {
        Name table = name(c);
        c.expectWords("REWRITE", "DATA", "USING", "BIN_PACK");
        if (c.acceptWords("WHERE")) {
            // Compaction rewrites every file here, so the filter on which files to rewrite is not needed.
            while (!c.atEnd()) {
                c.next();
            }
        }
        return new DdlStatement.Optimize(table);
    }

    private static DdlStatement create(TokenCursor c) {
        if (c.acceptWords("DATABASE") || c.acceptWords("SCHEMA")) {
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            String name = c.identifier();
            String comment = c.acceptWords("COMMENT") ? c.string() : "";
            String location = c.acceptWords("LOCATION") ? c.string() : "";
            Map<String, String> props = c.acceptWords("WITH", "DBPROPERTIES") ? properties(c) : Map.of();
            return new DdlStatement.CreateDatabase(name, ifNotExists, comment, location, props);
        }
        boolean external = c.acceptWords("EXTERNAL");
        c.expectWords("TABLE");
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        Name table = name(c);
        return externalTable(c, table, ifNotExists, external);
    }

    private static DdlStatement externalTable(TokenCursor c, Name table, boolean ifNotExists, boolean external) {
        c.expectSymbol("(");
        List<ColumnDef> columns = columns(c);
        // Hive keeps the table comment as the table parameter "comment"; Glue and Athena's metadata calls show it there.
        String comment = c.acceptWords("COMMENT") ? c.string() : null;
        List<ColumnDef> partitionKeys = List.of();
        String partitionTransforms = null;
        if (c.acceptWords("PARTITIONED", "BY")) {
            if (isTransformList(c)) {
                partitionTransforms = c.parenthesizedText().strip();
            } else {
                c.expectSymbol("(");
                partitionKeys = columns(c);
            }
        }
        Bucketing bucketing = c.acceptWords("CLUSTERED", "BY") ? clusteredBy(c) : null;
        String serde = null;
        Map<String, String> serdeParams = new LinkedHashMap<>();
        String input = null;
        String output = null;
        String location = null;
        Map<String, String> props = new LinkedHashMap<>();
        while (!c.atEnd()) {
            if (c.acceptWords("ROW", "FORMAT", "DELIMITED")) {
                serde = TableDef.LAZY_SIMPLE_SERDE;
                delimited(c, serdeParams);
            } else if (c.acceptWords("ROW", "FORMAT", "SERDE")) {
                serde = c.string();
                if (c.acceptWords("WITH", "SERDEPROPERTIES")) {
                    serdeParams.putAll(properties(c));
                }
            } else if (c.acceptWords("STORED", "AS")) {
                if (c.acceptWords("INPUTFORMAT")) {
                    input = c.string();
                    c.expectWords("OUTPUTFORMAT");
                    output = c.string();
                } else {
                    String format = c.identifier();
                    input = inputFormatOf(format);
                    output = outputFormatOf(format);
                    if (serde == null) {
                        serde = format.equals("parquet") ? TableDef.PARQUET_SERDE : TableDef.LAZY_SIMPLE_SERDE;
                    }
                }
            } else if (c.acceptWords("LOCATION")) {
                location = c.string();
            } else if (c.acceptWords("TBLPROPERTIES")) {
                props.putAll(properties(c));
            } else {
                throw c.error("ROW FORMAT, STORED AS, LOCATION or TBLPROPERTIES");
            }
        }
        if (comment != null) {
            props.put("comment", comment);
        }
        if (serde == null) {
            serde = TableDef.LAZY_SIMPLE_SERDE;
        }
        if (input == null) {
            boolean parquet = serde.equals(TableDef.PARQUET_SERDE);
            input = parquet ? TableDef.PARQUET_INPUT : TableDef.TEXT_INPUT;
            output = parquet ? TableDef.PARQUET_OUTPUT : TableDef.TEXT_OUTPUT;
        }
        return new DdlStatement.CreateExternalTable(table, ifNotExists, columns, partitionKeys, serde, serdeParams,
                input, output, location, props, external, partitionTransforms, bucketing);
    }

    /**
     * Hive's {@code CLUSTERED BY (c, ...) [SORTED BY (...)] INTO n BUCKETS}, after {@code CLUSTERED BY}. The sort
     * order is accepted and dropped: athena-local writes no bucket files to sort.
     */
    private static Bucketing clusteredBy(TokenCursor c) {
        c.expectSymbol("(");
        List<String> columns = new ArrayList<>();
        do {
            columns.add(c.identifier().toLowerCase(java.util.Locale.ROOT));
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        if (c.acceptWords("SORTED", "BY")) {
            c.parenthesizedText();
        }
        c.expectWords("INTO");
        DdlToken count = c.next();
        if (count.kind() != DdlToken.Kind.NUMBER) {
            throw c.error("a number of buckets");
        }
        c.expectWords("BUCKETS");
        return new Bucketing(columns, Integer.parseInt(count.text()));
    }

    private static void delimited(TokenCursor c, Map<String, String> serdeParams) {
        while (true) {
            if (c.acceptWords("FIELDS", "TERMINATED", "BY")) {
                String delim = c.string();
                serdeParams.put("field.delim", delim);
                serdeParams.put("serialization.format", delim);
                if (c.acceptWords("ESCAPED", "BY")) {
                    serdeParams.put("escape.delim", c.string());
                }
            } else if (c.acceptWords("COLLECTION", "ITEMS", "TERMINATED", "BY")) {
                serdeParams.put("collection.delim", c.string());
            } else if (c.acceptWords("MAP", "KEYS", "TERMINATED", "BY")) {
                serdeParams.put("mapkey.delim", c.string());
            } else if (c.acceptWords("LINES", "TERMINATED", "BY")) {
                serdeParams.put("line.delim", c.string());
            } else if (c.acceptWords("NULL", "DEFINED", "AS")) {
                serdeParams.put("serialization.null.format", c.string());
            } else {
                return;
            }
        }
    }

    private static String inputFormatOf(String format) {
        return switch (format) {
            case "parquet" -> TableDef.PARQUET_INPUT;
            case "textfile" -> TableDef.TEXT_INPUT;
            default -> throw new DdlSyntaxException("STORED AS " + format.toUpperCase(Locale.ROOT)
                    + " is not supported by athena-local; use PARQUET or TEXTFILE (see README)");
        };
    }

    private static String outputFormatOf(String format) {
        return format.equals("parquet") ? TableDef.PARQUET_OUTPUT : TableDef.TEXT_OUTPUT;
    }

    /** Column list after the opening parenthesis, up to and including the closing one. */
    /**
     * Whether a {@code PARTITIONED BY (} list is Iceberg's: its first item is a bare column name ({@code (a, ...}
     * or {@code (a)}) or a transform call ({@code day(ts)}), where Hive's has {@code name type}.
     */
    private static boolean isTransformList(TokenCursor c) {
        return c.peekSymbol("(") && c.peek(2).map(t -> t.isSymbol(",") || t.isSymbol(")") || t.isSymbol("("))
                .orElse(false);
    }

    private static List<ColumnDef> columns(TokenCursor c) {
        List<ColumnDef> columns = new ArrayList<>();
        do {
            String name = c.identifier();
            String type = hiveType(c);
            String comment = c.acceptWords("COMMENT") ? c.string() : "";
            columns.add(new ColumnDef(name, type, comment));
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return columns;
    }

    /** A Hive type in canonical spelling: lower case, no spaces ({@code struct<a:int,b:array<string>>}). */
    static String hiveType(TokenCursor c) {
        StringBuilder type = new StringBuilder();
        int depth = 0;
        while (!c.atEnd()) {
            DdlToken t = c.peek().orElseThrow();
            // FIRST and AFTER end the type of CHANGE COLUMN, which no COMMENT need precede.
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")") || t.isWord("COMMENT") || t.isWord("FIRST")
                    || t.isWord("AFTER"))) {
                break;
            }
            if (t.isSymbol("<") || t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(">") || t.isSymbol(")")) {
                depth--;
            }
            c.next();
            type.append(t.isIdentifier() ? t.identifier() : t.text());
        }
        if (type.isEmpty()) {
            throw c.error("a column type");
        }
        String s = type.toString();
        return s.equals("integer") ? "int" : s;
    }

    private static Map<String, String> properties(TokenCursor c) {
        Map<String, String> props = new LinkedHashMap<>();
        c.expectSymbol("(");
        if (c.acceptSymbol(")")) {
            return props;
        }
        do {
            String key = c.string();
            c.expectSymbol("=");
            props.put(key, c.string());
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return props;
    }

    private static DdlStatement drop(TokenCursor c) {
        if (c.acceptWords("DATABASE") || c.acceptWords("SCHEMA")) {
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            String name = c.identifier();
            boolean cascade = c.acceptWords("CASCADE");
            c.acceptWords("RESTRICT");
            return new DdlStatement.DropDatabase(name, ifExists, cascade);
        }
        boolean view = c.acceptWords("VIEW");
        if (!view) {
            c.expectWords("TABLE");
        }
        boolean ifExists = c.acceptWords("IF", "EXISTS");
        return new DdlStatement.DropTable(name(c), ifExists, view);
    }

    /**
     * {@code ALTER (DATABASE|SCHEMA) d SET DBPROPERTIES (…)}, the one form Athena documents; Hive's other forms
     * (SET OWNER, SET LOCATION) are not Athena's.
     */
    private static DdlStatement alterDatabase(TokenCursor c) {
        String database = c.identifier();
        if (!c.acceptWords("SET", "DBPROPERTIES")) {
            throw new DdlSyntaxException("This ALTER DATABASE form is not supported by athena-local (supported: "
                    + "SET DBPROPERTIES, as Athena documents; see README)");
        }
        return new DdlStatement.SetDatabaseProperties(database, properties(c));
    }

    private static DdlStatement alter(TokenCursor c) {
        Name table = name(c);
        if (c.acceptWords("PARTITION")) {
            return alterPartition(c, table);
        }
        if (c.acceptWords("ADD")) {
            if (c.acceptWords("COLUMNS")) {
                c.expectSymbol("(");
                return new DdlStatement.AddColumns(table, columns(c));
            }
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            List<DdlStatement.PartitionSpec> specs = new ArrayList<>();
            while (c.acceptWords("PARTITION")) {
                Map<String, String> values = partitionValues(c);
                String location = c.acceptWords("LOCATION") ? c.string() : null;
                specs.add(new DdlStatement.PartitionSpec(values, location));
            }
            if (specs.isEmpty()) {
                throw c.error("PARTITION or COLUMNS");
            }
            return new DdlStatement.AddPartitions(table, ifNotExists, specs);
        }
        if (c.acceptWords("DROP", "COLUMN")) {
            return new DdlStatement.DropColumn(table, c.identifier());
        }
        if (c.acceptWords("CHANGE")) {
            c.acceptWords("COLUMN");
            String from = c.identifier();
            String to = c.identifier();
            String type = hiveType(c);
            String comment = c.acceptWords("COMMENT") ? c.string() : null;
            String after = null;
            boolean first = c.acceptWords("FIRST");
            if (!first && c.acceptWords("AFTER")) {
                after = c.identifier();
            }
            return new DdlStatement.ChangeColumn(table, from, to, type, comment, first, after);
        }
        if (c.acceptWords("REPLACE", "COLUMNS")) {
            c.expectSymbol("(");
            return new DdlStatement.ReplaceColumns(table, columns(c));
        }
        if (c.acceptWords("RENAME", "TO")) {
            return new DdlStatement.RenameTable(table, name(c));
        }
        if (c.acceptWords("UNSET", "TBLPROPERTIES")) {
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            List<String> keys = new ArrayList<>();
            c.expectSymbol("(");
            do {
                keys.add(c.string());
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
            return new DdlStatement.UnsetTableProperties(table, ifExists, keys);
        }
        if (c.acceptWords("DROP")) {
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            List<DdlStatement.PartitionSpec> specs = new ArrayList<>();
            do {
                c.expectWords("PARTITION");
                specs.add(new DdlStatement.PartitionSpec(partitionValues(c), null));
            } while (c.acceptSymbol(","));
            return new DdlStatement.DropPartitions(table, ifExists, specs);
        }
        if (c.acceptWords("SET", "TBLPROPERTIES")) {
            return new DdlStatement.SetTableProperties(table, properties(c));
        }
        if (c.acceptWords("SET", "LOCATION")) {
            return new DdlStatement.SetLocation(table, c.string());
        }
        throw new DdlSyntaxException(UNSUPPORTED_ALTER);
    }

    /**
     * The ALTER TABLE forms that name one partition first. Only RENAME TO PARTITION is run: Glue partitions here have
     * no columns of their own, so the partition-level REPLACE COLUMNS and CHANGE Athena also documents are refused.
     */
    private static DdlStatement alterPartition(TokenCursor c, Name table) {
        Map<String, String> from = partitionValues(c);
        if (c.acceptWords("RENAME", "TO", "PARTITION")) {
            return new DdlStatement.RenamePartition(table, from, partitionValues(c));
        }
        throw new DdlSyntaxException("This ALTER TABLE ... PARTITION form is not supported by athena-local "
                + "(supported: PARTITION (...) RENAME TO PARTITION (...); partitions have no columns of their own; "
                + "see README)");
    }

    private static Map<String, String> partitionValues(TokenCursor c) {
        Map<String, String> values = new LinkedHashMap<>();
        c.expectSymbol("(");
        do {
            String key = c.identifier();
            c.expectSymbol("=");
            DdlToken v = c.next();
            values.put(key, v.kind() == DdlToken.Kind.STRING ? v.stringValue() : v.text());
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return values;
    }

    private static DdlStatement show(TokenCursor c) {
        if (c.acceptWords("DATABASES") || c.acceptWords("SCHEMAS")) {
            String like = c.acceptWords("LIKE") ? c.string() : null;
            return new DdlStatement.ShowDatabases(like);
        }
        if (c.acceptWords("TABLES")) {
            String db = c.acceptWords("IN") || c.acceptWords("FROM") ? lastPart(c.qualifiedName()) : null;
            c.acceptWords("LIKE");
            String pattern = c.atEnd() ? null : c.string();
            return new DdlStatement.ShowTables(db, pattern);
        }
        if (c.acceptWords("VIEWS")) {
            String db = c.acceptWords("IN") || c.acceptWords("FROM") ? lastPart(c.qualifiedName()) : null;
            String like = c.acceptWords("LIKE") ? c.string() : null;
            return new DdlStatement.ShowViews(db, like);
        }
        if (c.acceptWords("COLUMNS")) {
            if (!c.acceptWords("IN")) {
                c.expectWords("FROM");
            }
            Name table = name(c);
            if (c.acceptWords("IN") || c.acceptWords("FROM")) {
                table = new Name(table.catalog(), c.identifier(), table.name());
            }
            return new DdlStatement.ShowColumns(table);
        }
        if (c.acceptWords("CREATE", "TABLE")) {
            return new DdlStatement.ShowCreate(name(c), false);
        }
        if (c.acceptWords("CREATE", "VIEW")) {
            return new DdlStatement.ShowCreate(name(c), true);
        }
        if (c.acceptWords("PARTITIONS")) {
            return new DdlStatement.ShowPartitions(name(c));
        }
        if (c.acceptWords("TBLPROPERTIES")) {
            Name table = name(c);
            String key = null;
            if (c.acceptSymbol("(")) {
                key = c.string();
                c.expectSymbol(")");
            }
            return new DdlStatement.ShowTableProperties(table, key);
        }
        throw new DdlSyntaxException("This SHOW statement is not supported by athena-local (see README)");
    }

    private static String lastPart(List<String> parts) {
        return parts.get(parts.size() - 1);
    }

    private static Name name(TokenCursor c) {
        return Name.of(c.qualifiedName());
    }
}
