package ai.connecty.athena.local.http;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.JsonOperationHandler;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;

/**
 * A stand-in for the warehouse: Athena's ListWorkGroups and ListDataCatalogs authorize like the real ones
 * and answer with fixed data; Glue's GetDatabases likewise; Athena's ListNamedQueries overflows the stack; anything
 * else is UnknownOperationException.
 */
public final class FakeBackend implements ServiceBackend {

    private final String arnPrefix;

    private FakeBackend(String accountId, String region) {
        this.arnPrefix = region + ":" + accountId + ":";
    }

    /** A started LocalAthena on a free port with this backend and no demo data. */
    public static LocalAthena start(Path dataDir) {
        return LocalAthena.builder().port(0).dataDir(dataDir).demoData(false)
                .backend((dir, buckets, faults, accountId, region) -> new FakeBackend(accountId, region))
                .build().start();
    }

    @Override
    public JsonOperationHandler athena() {
        return (operation, input, context) -> switch (operation) {
            case "ListWorkGroups" -> {
                context.authorize("athena:ListWorkGroups", "*");
                var out = JsonNodeFactory.instance.objectNode();
                out.putArray("WorkGroups").addObject().put("Name", "primary").put("State", "ENABLED");
                yield out;
            }
            case "ListDataCatalogs" -> {
                context.authorize("athena:ListDataCatalogs", "*");
                var out = JsonNodeFactory.instance.objectNode();
                out.putArray("DataCatalogsSummary").addObject().put("CatalogName", "AwsDataCatalog").put("Type", "GLUE");
                yield out;
            }
            case "StartQueryExecution" -> {
                context.authorize("athena:StartQueryExecution", "arn:aws:athena:" + arnPrefix + "workgroup/"
                        + input.path("WorkGroup").asText("primary"));
                throw AwsException.invalidRequest("MALFORMED_QUERY", "fake backend runs no queries");
            }
            case "ListNamedQueries" -> {
                // Stands for a handler whose recursion a request nested too deep overflowed.
                context.authorize("athena:ListNamedQueries", "*");
                throw new StackOverflowError();
            }
            default -> throw new AwsException(400, "UnknownOperationException", null);
        };
    }

    @Override
    public JsonOperationHandler glue() {
        return (operation, input, context) -> {
            if (!operation.equals("GetDatabases")) {
                throw new AwsException(400, "UnknownOperationException", null);
            }
            context.authorize("glue:GetDatabases", "arn:aws:glue:" + arnPrefix + "catalog");
            var out = JsonNodeFactory.instance.objectNode();
            out.putArray("DatabaseList").addObject().put("Name", "default");
            return out;
        };
    }

    @Override
    public void prepareDemoData() {
    }

    @Override
    public void close() {
    }
}
