package ai.connecty.athena.local.http;

import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.api.QueryFaults;
import ai.connecty.athena.local.storage.BucketStore;
import java.nio.file.Path;

/**
 * What serves Athena and Glue behind the HTTP layer: normally the warehouse, in routing tests a fake.
 * {@link #prepareDemoData()} blocks until the demo data set exists.
 */
public interface ServiceBackend extends AutoCloseable {

    JsonOperationHandler athena();

    JsonOperationHandler glue();

    void prepareDemoData();

    @Override
    void close();

    /** Creates the backend once the data directory, buckets and fault injector exist. */
    @FunctionalInterface
    interface Factory {
        ServiceBackend create(Path dataDir, BucketStore buckets, QueryFaults faults, String accountId, String region);
    }
}
