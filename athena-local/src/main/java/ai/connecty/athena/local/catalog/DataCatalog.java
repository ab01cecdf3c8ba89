package ai.connecty.athena.local.catalog;

import java.util.Locale;

/**
 * A data catalog Athena knows: {@code AwsDataCatalog} (GLUE, also served by the Glue API) or {@code lakehouse}
 * (HIVE, visible only through Athena's metadata calls). {@code engineName} is the DuckDB database it is attached as.
 */
public record DataCatalog(String name, String type, String description) {

    public static final DataCatalog AWS_DATA_CATALOG = new DataCatalog("AwsDataCatalog", "GLUE", "");
    public static final DataCatalog LAKEHOUSE = new DataCatalog("lakehouse", "HIVE", "Local Hive metastore catalog");

    public String engineName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
