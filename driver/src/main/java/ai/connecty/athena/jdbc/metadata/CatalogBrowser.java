package ai.connecty.athena.jdbc.metadata;

import java.util.List;
import java.util.Optional;

/** Reads databases and tables of one data catalog through one AWS API (Glue, or Athena's catalog calls). */
interface CatalogBrowser {
    List<String> databases(String catalog);

    /**
     * Tables of the database, narrowed on the server by {@code expression} (null: all of them); the result may hold
     * more tables than the expression means, never fewer. An unknown database gives an empty list.
     */
    List<TableEntry> tables(String catalog, String database, String expression);

    /** The table of exactly this (lower-case) name, or empty when it or its database does not exist. */
    Optional<TableEntry> table(String catalog, String database, String name);
}
