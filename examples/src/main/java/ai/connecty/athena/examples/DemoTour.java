package ai.connecty.athena.examples;

import ai.connecty.athena.examples.DemoQueries.DemoQuery;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The scripted part of the demo: a few queries, then the catalog metadata. The queries over the demo data
 * run only where database {@code demo} exists, so that the tour also works against a real Athena.
 */
final class DemoTour {

    static final String CATALOG = "AwsDataCatalog";
    static final String DEMO_DATABASE = "demo";
    static final String LAKEHOUSE_CATALOG = "lakehouse";
    static final String LAKEHOUSE_DATABASE = "lake";

    private final Connection connection;
    private final PrintStream out;

    DemoTour(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
    }

    void run() throws SQLException {
        StatementRunner runner = new StatementRunner(connection, out);
        MetadataTour metadata = new MetadataTour(connection.getMetaData(), out);
        boolean demoData = metadata.hasSchema(CATALOG, DEMO_DATABASE);
        query(runner, DemoQueries.NESTED_LITERALS);
        if (demoData) {
            for (DemoQuery q : DemoQueries.DEMO_DATA) {
                query(runner, q);
            }
        } else {
            out.println();
            out.println("(database " + DEMO_DATABASE + " not found in " + CATALOG
                    + ": skipping the queries over athena-local's demo data)");
        }
        metadata.catalogs();
        metadata.schemas(CATALOG);
        if (demoData) {
            metadata.tables(CATALOG, DEMO_DATABASE);
            metadata.columns(CATALOG, DEMO_DATABASE, "sales");
            if (metadata.hasSchema(LAKEHOUSE_CATALOG, LAKEHOUSE_DATABASE)) {
                metadata.tables(LAKEHOUSE_CATALOG, LAKEHOUSE_DATABASE);
            }
        }
    }

    private void query(StatementRunner runner, DemoQuery query) throws SQLException {
        out.println();
        out.println("== " + query.title());
        out.println(query.sql().indent(2).stripTrailing());
        runner.run(query.sql());
    }
}
