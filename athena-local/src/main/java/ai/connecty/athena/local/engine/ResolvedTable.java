package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.GlueArns;
import ai.connecty.athena.local.catalog.TableDef;

/** A catalog table or view found by name. */
public record ResolvedTable(DataCatalog catalog, TableDef table) {

    public String glueTableArn(String region, String accountId) {
        return GlueArns.table(region, accountId, table.database(), table.name());
    }

    public String qualifiedName() {
        return catalog.engineName() + "." + table.database() + "." + table.name();
    }
}
