package ai.connecty.athena.local.sql;

import java.util.List;

/** Receives a query's result as it streams out of DuckDB, so a million rows never sit in memory at once. */
public interface RowSink {

    /** Called once, before any row. */
    void columns(List<OutputColumn> columns);

    /** One row, each value already rendered as Athena renders it; a null element is SQL NULL. */
    void row(String[] values);
}
