package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.Literals;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The top-level column names written in Parquet files, which a Hive table reads by name (Athena's default for
 * Parquet): a table column no file has (renamed by CHANGE COLUMN, added by REPLACE or ADD COLUMNS) reads NULL
 * where DuckDB would refuse to bind it. Each file's names are read once from its footer and kept while the file's
 * size and modification time stay the same, since views are rebound at the start of every query.
 */
final class ParquetColumns {

    private final Connection admin;
    private final PerFileVersion<Path, List<String>> cache = new PerFileVersion<>();

    ParquetColumns(Connection admin) {
        this.admin = admin;
    }

    /** The lower-case names of the columns any of {@code files} has (Hive matches Parquet names case-insensitively). */
    synchronized Set<String> union(List<Path> files) {
        Set<String> names = new LinkedHashSet<>();
        for (Path f : files) {
            names.addAll(of(f));
        }
        return names;
    }

    private List<String> of(Path file) {
        return cache.get(file, file, () -> footerNames(file));
    }

    private List<String> footerNames(Path file) {
        List<String> names = new java.util.ArrayList<>();
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + Literals.quote(file.toString())
                     + ")")) {
            while (rs.next()) {
                names.add(rs.getString("column_name").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            // An unreadable footer fails the query where the file is read, with DuckDB's own error.
            return List.of();
        }
        return List.copyOf(names);
    }
}
