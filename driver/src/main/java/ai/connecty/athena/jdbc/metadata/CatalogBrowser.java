package ai.connecty.athena.jdbc.metadata;

import java.util.List;

/** Reads databases and tables of one data catalog through one AWS API (Glue, or Athena's catalog calls). */
interface CatalogBrowser {
    List<String> databases(String catalog);

    /** Tables of the database whose names match; an unknown database gives an empty list. */
    List<TableEntry> tables(String catalog, String database, NamePattern tableNames);
}
