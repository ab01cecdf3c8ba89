package ai.connecty.athena.local.catalog;

import java.util.Map;

/** A database (Glue) / schema (DuckDB). Names are lower case, as Glue folds them. */
public record DatabaseDef(String name, String description, String locationUri, Map<String, String> parameters,
                          double createTime) {

    public DatabaseDef {
        name = name.toLowerCase(java.util.Locale.ROOT);
        description = description == null ? "" : description;
        locationUri = locationUri == null ? "" : locationUri;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
