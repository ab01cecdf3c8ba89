package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * The tables a query reads come from its parsed tree: a caller denied glue:GetTable on demo.sales cannot read it
 * from a CTE, a subquery, a join, UNNEST, LATERAL or a view over it, insert into it or copy it with CTAS, and a CTE
 * that merely shares its name is no read of it.
 */
class TableReferencesWireTest {

    private static final String DENIED = "is not authorized to perform: glue:GetTable on resource: "
            + "arn:aws:glue:us-east-1:123456789012:table/demo/sales with an explicit deny in an identity-based policy";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withDemoData().withIdentities(TestIdentities.users()
            .user("analyst", "AKIAANALYST000000002", "analyst-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetTable", "arn:aws:glue:us-east-1:123456789012:table/demo/sales")));
    private static final SdkClientsExtension clients = athena.clients();

    private static AthenaClient analyst() {
        return clients.athena(AwsBasicCredentials.create("AKIAANALYST000000002", "analyst-secret"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "SELECT count(*) FROM sales",
            "WITH s AS (SELECT * FROM demo.sales) SELECT count(*) FROM s",
            "SELECT (SELECT max(amount) FROM demo.sales) AS m",
            "SELECT c.id FROM customers c JOIN sales s ON s.customer_id = c.id",
            "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM demo.sales s WHERE s.customer_id = c.id)",
            "SELECT n FROM customers CROSS JOIN UNNEST(ARRAY[(SELECT count(*) FROM sales)]) AS u(n)",
            "SELECT c.id, l.n FROM customers c, LATERAL (SELECT count(*) AS n FROM sales s WHERE s.customer_id = c.id) l",
            "SELECT * FROM sales_by_customer",
            "SELECT id FROM customers UNION ALL SELECT customer_id FROM \"DEMO\".\"SALES\"",
            "INSERT INTO sales (sale_id) VALUES (1)",
            "CREATE TABLE copy_of_sales AS SELECT * FROM sales",
    })
    void everyReadOfADeniedTableFails(String sql) {
        QueryExecution q = run(analyst(), sql, "demo");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).contains(DENIED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "WITH sales AS (SELECT 1 AS amount) SELECT amount FROM sales",
            "SELECT count(*) FROM customers",
    })
    void aCteNamedLikeTheTableIsNotARead(String sql) {
        QueryExecution q = run(analyst(), sql, "demo");
        assertThat(q.status().state()).as(String.valueOf(q.status().stateChangeReason()))
                .isEqualTo(QueryExecutionState.SUCCEEDED);
    }
}
