package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.GlueArns;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.InformationSchema;
import ai.connecty.athena.local.catalog.PartitionProjection;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.storage.S3Location;
import java.util.List;

/**
 * The rights a running query needs beyond StartQueryExecution: Glue reads of every table it touches, S3 reads
 * of their files, S3 writes of its results, and the Glue write actions of DDL (as AWS's "fine-grained access to
 * Glue resources for Athena" lists them: each action on the catalog, the database and, where one is named, the
 * table). Checked in the background, so a missing right FAILS the query the way Athena does instead of rejecting
 * the call. Write checks sit right before the catalog change, where Athena's metastore client makes the Glue
 * call: a statement that changes nothing ({@code IF NOT EXISTS} on an existing name) needs no write right.
 */
final class AccessChecks {

    private final Warehouse warehouse;

    AccessChecks(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    void requireRead(CallContext caller, List<ResolvedTable> tables) {
        for (ResolvedTable t : tables) {
            requireDefinition(caller, t);
            requirePartitionListing(caller, t);
            String location = t.table().location();
            if (!t.table().isView() && location != null && S3Location.isValid(location)) {
                S3Location loc = S3Location.parse(location).asPrefix();
                if (!caller.isAllowed("s3:ListBucket", "arn:aws:s3:::" + loc.bucket())
                        || !caller.isAllowed("s3:GetObject", loc.arn())) {
                    throw denied("PERMISSION_DENIED: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: "
                            + "AccessDenied) when reading " + location + " as " + caller.principalArn());
                }
            }
        }
    }

    /** The Glue reads that fetch a table's definition (every statement naming a Glue table needs them). */
    void requireDefinition(CallContext caller, ResolvedTable t) {
        if (!t.catalog().equals(DataCatalog.AWS_DATA_CATALOG)) {
            return;
        }
        String[][] needed = {
                {"glue:GetDatabase", glueArn("database/" + t.table().database())},
                {"glue:GetTable", t.glueTableArn(warehouse.region(), warehouse.accountId())},
        };
        for (String[] n : needed) {
            if (!caller.isAllowed(n[0], n[1])) {
                throw denied("Insufficient permissions to execute the query. " + deniedSentence(caller, n[0], n[1]));
            }
        }
    }

    /**
     * Reading a partitioned Hive table lists its partitions from Glue ({@code glue:GetPartitions}), authorized on the
     * catalog, the database and the table as Glue authorizes every table-level call: a query refused there names the
     * first of them its caller may not read (Athena's "Insufficient permissions to execute the query. User: … is not
     * authorized to perform: glue:GetPartition… on resource: …:catalog", as reported from QuickSight). A table with
     * partition projection computes its partitions instead of asking Glue, and Iceberg and unpartitioned tables
     * have none to list.
     */
    private void requirePartitionListing(CallContext caller, ResolvedTable t) {
        TableDef table = t.table();
        if (!t.catalog().equals(DataCatalog.AWS_DATA_CATALOG) || table.isView() || table.partitionKeys().isEmpty()
                || IcebergMetadata.isIceberg(table) || PartitionProjection.isEnabled(table)) {
            return;
        }
        for (String resource : glueResources(table.database(), table.name())) {
            if (!caller.isAllowed("glue:GetPartitions", resource)) {
                throw denied("Insufficient permissions to execute the query. "
                        + deniedSentence(caller, "glue:GetPartitions", resource));
            }
        }
    }

    /**
     * The Glue read that lists a Glue catalog's databases ({@code glue:GetDatabases} on the catalog), which every
     * read of its information_schema needs: without it the query fails as other Glue denials do. Catalogs that are
     * not Glue's have no Glue rights to check.
     */
    void requireInformationSchema(CallContext caller, java.util.Collection<InformationSchemaReads.Ref> tables) {
        boolean glue = tables.stream()
                .anyMatch(ref -> ref.catalog().type().equals(DataCatalog.AWS_DATA_CATALOG.type()));
        String catalogArn = glueArn("catalog");
        if (glue && !caller.isAllowed("glue:GetDatabases", catalogArn)) {
            throw denied("Insufficient permissions to execute the query. "
                    + deniedSentence(caller, "glue:GetDatabases", catalogArn));
        }
    }

    /**
     * What {@code caller} sees of {@code catalog}'s information_schema, filtered as Trino's access control filters
     * it (rows left out, no failure): a database when it may {@code glue:GetDatabase} it, a table or view of a
     * visible database when it may {@code glue:GetTables} in the database and {@code glue:GetTable} the table.
     */
    InformationSchema.Visibility informationSchemaVisibility(CallContext caller, DataCatalog catalog) {
        if (!catalog.type().equals(DataCatalog.AWS_DATA_CATALOG.type())) {
            return InformationSchema.Visibility.ALL;
        }
        return new InformationSchema.Visibility() {
            @Override
            public boolean database(String database) {
                return caller.isAllowed("glue:GetDatabase", glueArn("database/" + database));
            }

            @Override
            public boolean table(String database, String table) {
                return caller.isAllowed("glue:GetTables", glueArn("database/" + database))
                        && caller.isAllowed("glue:GetTable", glueArn("table/" + database + "/" + table));
            }
        };
    }

    void requireWrite(CallContext caller, S3Location object, String shownUrl) {
        if (!caller.isAllowed("s3:PutObject", object.arn())) {
            throw QueryFailedException.engine("Access denied when writing output to url: " + shownUrl
                    + " . Please ensure you are allowed to access the S3 bucket. If you are encrypting query results "
                    + "with KMS key, please ensure you are allowed to access your KMS key", 2, 401);
        }
    }

    /** Where the statement runs: Hive DDL fails with {@code FAILED: } reasons, engine statements with Trino's. */
    enum Path { HIVE, ENGINE }

    /**
     * Requires a Glue write {@code action} on the catalog, {@code database} and, unless null, {@code table}: the
     * resources Glue authorizes for that call. Only Glue catalogs are checked; other catalogs have no Glue.
     */
    void requireGlueWrite(CallContext caller, DataCatalog catalog, Path path, String action, String database,
                          String table) {
        if (!catalog.type().equals(DataCatalog.AWS_DATA_CATALOG.type())) {
            return;
        }
        for (String resource : glueResources(database, table)) {
            if (!caller.isAllowed(action, resource)) {
                String sentence = deniedSentence(caller, action, resource);
                if (path == Path.HIVE) {
                    throw QueryFailedException.hive("FAILED: Execution Error, return code 1 from "
                            + "org.apache.hadoop.hive.ql.exec.DDLTask. " + sentence, sentence);
                }
                throw denied("Insufficient permissions to execute the query. " + sentence);
            }
        }
    }

    /** What Glue authorizes a call on {@code database} and, unless null, its {@code table} on, in its order. */
    private List<String> glueResources(String database, String table) {
        return table == null ? List.of(glueArn("catalog"), glueArn("database/" + database))
                : List.of(glueArn("catalog"), glueArn("database/" + database), glueArn("table/" + database + "/" + table));
    }

    /** The ARN of a Glue {@code resource} ({@code catalog}, {@code database/d}, {@code table/d/t}) of this account. */
    private String glueArn(String resource) {
        return GlueArns.of(warehouse.region(), warehouse.accountId(), resource);
    }

    private static String deniedSentence(CallContext caller, String action, String resource) {
        return "User: " + caller.principalArn() + " is not authorized to perform: " + action + " on resource: "
                + resource + " " + caller.denialReason(action, resource);
    }

    private static QueryFailedException denied(String message) {
        return QueryFailedException.engine(message, 2, 1000);
    }
}
