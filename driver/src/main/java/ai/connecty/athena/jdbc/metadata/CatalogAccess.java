package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.config.ConfigErrors;
import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;

/**
 * Chooses the API for each catalog (MetadataRetrievalMethod) and turns AWS failures into SQLExceptions through
 * the same {@link ErrorTranslator} as queries (so Glue throttling after the SDK's retries is the same transient
 * state and advice as a throttled query). With {@code auto}, AwsDataCatalog is read through Glue and every other
 * catalog through Athena's catalog calls; a Glue AccessDenied on the catalog (or naming no resource) then switches
 * to Athena's calls for the rest of the connection, with a warning, while one naming a database or table (a policy
 * scoping Glue to some databases) is that database's refusal only and the connection stays on Glue (see
 * {@link GlueDenial}). {@code Glue} never falls back; {@code ProxyAPI} never uses Glue.
 * Glue can only address the account's own catalog without GetDataCatalog (not granted by the customer
 * policy), so other GLUE-type catalogs use Athena's calls in every mode.
 *
 * <p>One instance lives as long as its connection (in {@link MetadataHome}), so the fallback decision is made
 * once per connection, not once per {@code getMetaData()}.
 */
final class CatalogAccess {
    static final String DEFAULT_GLUE_CATALOG = "AwsDataCatalog";

    private final Supplier<List<String>> catalogLister;
    private final CatalogBrowser glue;
    private final CatalogBrowser athenaApi;
    private final String method;
    private final Consumer<SQLWarning> warnings;
    private volatile boolean glueDenied;

    CatalogAccess(Supplier<List<String>> catalogLister, CatalogBrowser glue, CatalogBrowser athenaApi, String method,
                  Consumer<SQLWarning> warnings) {
        this.catalogLister = catalogLister;
        this.glue = glue;
        this.athenaApi = athenaApi;
        this.method = method;
        this.warnings = warnings;
    }

    /** ListDataCatalogs, every page, each attempt bounded by the connection's network timeout as it is then. */
    static Supplier<List<String>> listDataCatalogs(AthenaClient athena, Supplier<AwsRequestOverrideConfiguration> timeout) {
        return () -> {
            List<String> names = new ArrayList<>();
            for (DataCatalogSummary summary : athena.listDataCatalogsPaginator(b -> b.overrideConfiguration(timeout.get()))
                    .dataCatalogsSummary()) {
                names.add(summary.catalogName());
            }
            return names;
        };
    }

    List<String> catalogs() throws SQLException {
        return call("ListDataCatalogs", null, catalogLister);
    }

    List<String> databases(String catalog) throws SQLException {
        if (usesGlue(catalog)) {
            try {
                return call("Glue GetDatabases", "glue:GetDatabases", () -> glue.databases(catalog));
            } catch (GlueDenied denied) {
                fallBackFrom(denied);
            }
        }
        return call("ListDatabases (catalog " + catalog + ")", null, () -> athenaApi.databases(catalog));
    }

    /** Tables of a database narrowed by a server-side expression (null: all). */
    List<TableEntry> tables(String catalog, String database, String expression) throws SQLException {
        if (usesGlue(catalog)) {
            try {
                return call("Glue GetTables (database " + database + ")", "glue:GetTables",
                        () -> glue.tables(catalog, database, expression));
            } catch (GlueDenied denied) {
                fallBackFrom(denied);
            }
        }
        return call("ListTableMetadata (catalog " + catalog + ", database " + database + ")", null,
                () -> athenaApi.tables(catalog, database, expression));
    }

    /** One table by exact name: a Glue GetTable, or a ListTableMetadata narrowed to the name. */
    Optional<TableEntry> table(String catalog, String database, String name) throws SQLException {
        if (usesGlue(catalog)) {
            try {
                return call("Glue GetTable (" + database + "." + name + ")", "glue:GetTable",
                        () -> glue.table(catalog, database, name));
            } catch (GlueDenied denied) {
                fallBackFrom(denied);
            }
        }
        return call("ListTableMetadata (catalog " + catalog + ", database " + database + ", table " + name + ")",
                null, () -> athenaApi.table(catalog, database, name));
    }

    private boolean usesGlue(String catalog) {
        return !"ProxyAPI".equals(method) && !glueDenied && DEFAULT_GLUE_CATALOG.equalsIgnoreCase(catalog);
    }

    private void fallBackFrom(GlueDenied denied) {
        glueDenied = true;
        warnings.accept(ConfigErrors.warning("Glue denied " + denied.action + " (" + denied.getMessage()
                + "); reading metadata through Athena's ListDatabases/ListTableMetadata instead for the rest of "
                + "this connection. Grant the Glue read actions, or set MetadataRetrievalMethod=ProxyAPI to skip Glue"));
    }

    /**
     * @param glueAction the IAM action of a Glue call, whose denial falls back to Athena's calls under auto
     */
    private <T> T call(String operation, String glueAction, Supplier<T> supplier) throws SQLException {
        try {
            return supplier.get();
        } catch (AwsServiceException e) {
            if (glueAction != null && isAccessDenied(e) && "auto".equals(method)) {
                String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
                // Only a refusal of the whole catalog says Glue is closed to this identity; one naming a database
                // or table is that database's (42501 below, which MetadataHome skips in a listing of several),
                // and Athena's ListTableMetadata would need the same Glue rights on it anyway.
                if (GlueDenial.isForTheCatalog(message)) {
                    throw new GlueDenied(glueAction, message);
                }
            }
            throw ErrorTranslator.fromSdk(operation, null, e);
        } catch (RuntimeException e) {
            // A client-side SdkException, or what the SDK raises unwrapped (see ErrorTranslator.fromSdk).
            throw ErrorTranslator.fromSdk(operation, null, e);
        }
    }

    private static boolean isAccessDenied(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && code.startsWith("AccessDenied");
    }

    /** Glue refused an action under MetadataRetrievalMethod=auto; the caller retries through Athena's calls. */
    private static final class GlueDenied extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String action;

        GlueDenied(String action, String message) {
            super(message, null, false, false);
            this.action = action;
        }
    }
}
