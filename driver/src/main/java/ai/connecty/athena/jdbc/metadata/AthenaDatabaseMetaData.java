package ai.connecty.athena.jdbc.metadata;

import ai.connecty.athena.jdbc.AthenaConnection;
import java.sql.DatabaseMetaData;

/** STUB (owned by the config/metadata work). */
public final class AthenaDatabaseMetaData {
    private AthenaDatabaseMetaData() {
    }

    public static DatabaseMetaData create(AthenaConnection connection) {
        throw new UnsupportedOperationException("stub");
    }
}
