package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.config.ConfigErrors;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Chooses the API for each catalog (MetadataRetrievalMethod) and turns AWS failures into SQLExceptions that name
 * the denied action and resource. With {@code auto}, AwsDataCatalog is read through Glue and every other catalog
 * through Athena's catalog calls; a Glue AccessDenied then switches to Athena's calls for the rest of the
 * connection, with a warning. {@code Glue} never falls back; {@code ProxyAPI} never uses Glue.
 * Glue can only address the account's own catalog without GetDataCatalog (not granted by the customer
 * policy), so other GLUE-type catalogs use Athena's calls in every mode.
 */
final class CatalogAccess {
    static final String DEFAULT_GLUE_CATALOG = "AwsDataCatalog";

    private final AthenaClient athena;
    private final CatalogBrowser glue;
    private final CatalogBrowser athenaApi;
    private final String method;
    private final Consumer<SQLWarning> warnings;
    private volatile boolean glueDenied;

    CatalogAccess(AthenaClient athena, GlueClient glue, String workGroup, String method,
                  Consumer<SQLWarning> warnings) {
        this.athena = athena;
        this.glue = new GlueBrowser(glue);
        this.athenaApi = new AthenaApiBrowser(athena, workGroup);
        this.method = method;
        this.warnings = warnings;
    }

    List<String> catalogs() throws SQLException {
        return call("athena:ListDataCatalogs", "*", () -> {
            List<String> names = new ArrayList<>();
            for (DataCatalogSummary summary : athena.listDataCatalogsPaginator(b -> { }).dataCatalogsSummary()) {
                names.add(summary.catalogName());
            }
            return names;
        });
    }

    List<String> databases(String catalog) throws SQLException {
        if (usesGlue(catalog)) {
            try {
                return call("glue:GetDatabases", "catalog " + catalog, () -> glue.databases(catalog));
            } catch (GlueDenied denied) {
                fallBackFrom(denied);
            }
        }
        return call("athena:ListDatabases", "datacatalog/" + catalog, () -> athenaApi.databases(catalog));
    }

    List<TableEntry> tables(String catalog, String database, NamePattern tableNames) throws SQLException {
        if (usesGlue(catalog)) {
            try {
                String action = tableNames.exactName().isPresent() ? "glue:GetTable" : "glue:GetTables";
                return call(action, "database " + database,
                        () -> glue.tables(catalog, database, tableNames));
            } catch (GlueDenied denied) {
                fallBackFrom(denied);
            }
        }
        return call("athena:ListTableMetadata", "datacatalog/" + catalog + " database " + database,
                () -> athenaApi.tables(catalog, database, tableNames));
    }

    private boolean usesGlue(String catalog) {
        return !"ProxyAPI".equals(method) && !glueDenied && DEFAULT_GLUE_CATALOG.equalsIgnoreCase(catalog);
    }

    private void fallBackFrom(GlueDenied denied) {
        glueDenied = true;
        warnings.accept(ConfigErrors.warning("Glue denied " + denied.action + " (" + denied.getMessage()
                + "); reading metadata through Athena's ListDatabases/ListTableMetadata instead. Grant the Glue "
                + "read actions, or set MetadataRetrievalMethod=ProxyAPI to skip Glue"));
    }

    private <T> T call(String action, String resource, Supplier<T> supplier) throws SQLException {
        try {
            return supplier.get();
        } catch (AwsServiceException e) {
            boolean denied = isAccessDenied(e);
            if (denied && action.startsWith("glue:") && "auto".equals(method)) {
                throw new GlueDenied(action, e.awsErrorDetails() == null ? e.getMessage()
                        : e.awsErrorDetails().errorMessage());
            }
            String state = denied ? SqlState.INSUFFICIENT_PRIVILEGE : SqlState.SYSTEM_ERROR;
            throw new SQLException(action + " on " + resource + " failed: " + e.getMessage()
                    + (denied ? " Grant " + action + " to the connection's IAM identity." : ""), state, e);
        } catch (SdkClientException e) {
            throw new java.sql.SQLTransientException(action + " on " + resource + " could not reach AWS: "
                    + e.getMessage(), SqlState.NETWORK_ERROR, e);
        } catch (SdkException e) {
            throw new SQLException(action + " on " + resource + " failed: " + e.getMessage(), SqlState.SYSTEM_ERROR, e);
        }
    }

    private static boolean isAccessDenied(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 403 || (code != null && code.startsWith("AccessDenied"));
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
