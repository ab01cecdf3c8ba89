package ai.connecty.athena.local.warehouse;

import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.api.QueryFaults;
import ai.connecty.athena.local.storage.BucketStore;
import java.nio.file.Path;

/** STUB (owned by the warehouse work): catalogs, workgroups, query executions, the Athena and Glue APIs. */
public final class LocalWarehouse implements AutoCloseable {

    public LocalWarehouse(Path dataDir, BucketStore buckets, QueryFaults faults, String accountId, String region) {
    }

    public JsonOperationHandler athena() {
        throw new UnsupportedOperationException("stub");
    }

    public JsonOperationHandler glue() {
        throw new UnsupportedOperationException("stub");
    }

    /** Builds the demo data set when it is missing; idempotent; blocks until ready. */
    public void prepareDemoData() {
    }

    @Override
    public void close() {
    }
}
