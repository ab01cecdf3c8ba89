package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.sql.Classification;
import ai.connecty.athena.local.storage.S3Location;

/**
 * Where a query's result objects go, by statement kind (measured-behaviour §4.1): {@code <id>.csv} for queries,
 * {@code <id>} for INSERT, {@code tables/<id>} for CTAS and {@code <id>.txt} for everything else; the
 * {@code .metadata} sidecar sits next to the main object.
 */
public record OutputFiles(S3Location prefix, String queryId, Kind kind) {

    public enum Kind { CSV, TXT, INSERT, CTAS }

    public static OutputFiles of(S3Location prefix, String queryId, Classification c) {
        String sub = c.substatementType();
        Kind kind;
        if (sub.equals("INSERT") || sub.equals("UNLOAD")) {
            // UNLOAD writes no result rows: like INSERT, an OutputLocation without a body (unmeasured for UNLOAD).
            kind = Kind.INSERT;
        } else if (sub.equals("CREATE_TABLE_AS_SELECT")) {
            kind = Kind.CTAS;
        } else if (sub.equals("SHOW_FUNCTIONS") || (c.statementType().equals("DML") && !sub.equals("EXPLAIN")
                && !sub.equals("VACUUM_TABLE"))) {
            kind = Kind.CSV;
        } else {
            kind = Kind.TXT;
        }
        return new OutputFiles(prefix.asPrefix(), queryId, kind);
    }

    /** The object GetQueryExecution reports as OutputLocation. */
    public S3Location main() {
        return switch (kind) {
            case CSV -> prefix.child(queryId + ".csv");
            case TXT -> prefix.child(queryId + ".txt");
            case INSERT -> prefix.child(queryId);
            case CTAS -> prefix.child("tables/" + queryId);
        };
    }

    public S3Location metadata() {
        S3Location m = main();
        return new S3Location(m.bucket(), m.key() + ".metadata");
    }

    public S3Location manifest() {
        S3Location m = main();
        return new S3Location(m.bucket(), m.key() + "-manifest.csv");
    }

    /** Default data folder of a CTAS table: {@code <prefix>tables/<id>/}. */
    public S3Location ctasData() {
        return prefix.child("tables/" + queryId + "/");
    }
}
