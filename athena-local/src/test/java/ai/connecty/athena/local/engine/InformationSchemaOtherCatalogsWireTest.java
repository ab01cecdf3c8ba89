package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * Glue rights guard only the Glue catalog's information_schema: the HIVE catalog {@code lakehouse} has no Glue
 * resources, so a caller denied every Glue read still lists its databases and tables in full.
 */
class InformationSchemaOtherCatalogsWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withDemoData().withIdentities(TestIdentities.users()
            .user("noglue", "AKIANOGLUE0000000001", "noglue-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:*", "*")));
    private static final SdkClientsExtension clients = athena.clients();

    private static AthenaClient noglue() {
        return clients.athena(AwsBasicCredentials.create("AKIANOGLUE0000000001", "noglue-secret"));
    }

    @Test
    void aCallerWithoutGlueRightsSeesAllOfAHiveCatalogsInformationSchema() {
        assertThat(rows(noglue(), succeed(noglue(), "SELECT table_schema, table_name FROM lakehouse.information_schema"
                + ".tables WHERE table_schema <> 'information_schema' ORDER BY 2", null).queryExecutionId()))
                .containsExactly(List.of("table_schema", "table_name"), List.of("lake", "orders"),
                        List.of("lake", "products"));
    }
}
