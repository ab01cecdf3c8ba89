package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.sql.UnsupportedSqlException;
import io.trino.sql.ExpressionFormatter;
import io.trino.sql.tree.CreateTableAsSelect;
import io.trino.sql.tree.CreateView;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Insert;
import io.trino.sql.tree.Property;
import io.trino.sql.tree.QualifiedName;
import io.trino.sql.tree.SaveMode;
import io.trino.sql.tree.StringLiteral;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog side of INSERT, CTAS and CREATE VIEW (target name, columns, table properties, the query's text), read
 * from the Trino tree the statement was parsed into at StartQueryExecution, in the DDL executor's terms.
 */
final class TrinoStatements {

    private TrinoStatements() {
    }

    /** @throws UnsupportedSqlException for a statement on the Trino path that is none of the three */
    static DdlStatement header(SqlStatement statement) {
        if (statement.tree() instanceof Insert insert) {
            List<String> columns = insert.getColumns().map(TrinoStatements::names).orElse(List.of());
            return new DdlStatement.Insert(name(insert.getTarget()), columns, statement.queryText());
        }
        if (statement.tree() instanceof CreateTableAsSelect ctas) {
            if (ctas.getColumnAliases().isPresent()) {
                throw new UnsupportedSqlException("column names after the table name of CREATE TABLE ... AS");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (Property p : ctas.getProperties()) {
                if (!p.isSetToDefault()) {
                    // In Trino's spelling, strings quoted: 'PARQUET', ARRAY['dt'].
                    properties.put(lower(p.getName()), p.getNonDefaultValue() instanceof StringLiteral s
                            ? Literals.quote(s.getValue())
                            : ExpressionFormatter.formatExpression(p.getNonDefaultValue()));
                }
            }
            return new DdlStatement.CreateTableAs(name(ctas.getName()), ctas.getSaveMode() == SaveMode.IGNORE,
                    properties, statement.queryText(), ctas.isWithData());
        }
        if (statement.tree() instanceof CreateView view) {
            return new DdlStatement.CreateView(name(view.getName()), view.isReplace(), statement.queryText());
        }
        throw new UnsupportedSqlException(statement.classification().substatementType() + " statements");
    }

    private static DdlStatement.Name name(QualifiedName name) {
        return DdlStatement.Name.of(names(name.getOriginalParts()));
    }

    private static List<String> names(List<Identifier> identifiers) {
        return identifiers.stream().map(TrinoStatements::lower).toList();
    }

    private static String lower(Identifier identifier) {
        return identifier.getValue().toLowerCase(Locale.ROOT);
    }
}
