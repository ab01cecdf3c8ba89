package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaWireTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.MetadataException;

/** Athena's catalog calls refusing what the model refuses (wire protocol §2.5), through the real SDK. */
@ExtendWith(LocalAthenaExtension.class)
class MetadataEdgesWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    /** A required member left out is the framework's null error, not a lookup of a null name. */
    @Test
    void requiredNamesMustBeSent() {
        assertInvalid(() -> clients.athena().getDataCatalog(r -> { }), "INVALID_INPUT",
                nullError("name"));
        assertInvalid(() -> clients.athena().getDatabase(r -> r.catalogName("AwsDataCatalog")), "INVALID_INPUT",
                nullError("databaseName"));
        assertInvalid(() -> clients.athena().getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")),
                "INVALID_INPUT", nullError("tableName"));
        assertInvalid(() -> clients.athena().listDatabases(r -> r.catalogName("AwsDataCatalog").maxResults(51)),
                "INVALID_INPUT", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 50");
    }

    /** An unknown catalog is INVALID_INPUT; a missing table in a known database is Glue's EntityNotFound. */
    @Test
    void unknownCatalogsAndTablesAreRefused() {
        assertInvalid(() -> clients.athena().listDatabases(r -> r.catalogName("nope")), "INVALID_INPUT",
                "Catalog nope does not exist");
        assertThatThrownBy(() -> clients.athena().getTableMetadata(r -> r.catalogName("AwsDataCatalog")
                .databaseName("demo").tableName("nope"))).isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("Table nope not found."));
    }

    /** A HIVE catalog names its metadata function rather than a Glue catalog id. */
    @Test
    void aHiveCatalogHasNoGlueCatalogId() {
        var lake = clients.athena().getDataCatalog(r -> r.name("lakehouse")).dataCatalog();
        assertThat(lake.parameters()).doesNotContainKey("catalog-id").containsKey("metadata-function");
    }

    private static String nullError(String member) {
        return "1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must "
                + "not be null";
    }
}
