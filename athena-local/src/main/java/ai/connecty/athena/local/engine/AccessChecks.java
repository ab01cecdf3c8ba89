package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.storage.S3Location;
import java.util.List;

/**
 * The rights a running query needs beyond StartQueryExecution: Glue reads of every table it touches, S3 reads
 * of their files and S3 writes of its results. Checked in the background, so a missing right FAILS the query
 * the way Athena does instead of rejecting the call.
 */
final class AccessChecks {

    private final Warehouse warehouse;

    AccessChecks(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    void requireRead(CallContext caller, List<ResolvedTable> tables) {
        for (ResolvedTable t : tables) {
            if (t.catalog().equals(DataCatalog.AWS_DATA_CATALOG)) {
                String region = warehouse.region();
                String account = warehouse.accountId();
                String[][] needed = {
                        {"glue:GetDatabase", "arn:aws:glue:" + region + ":" + account + ":database/" + t.table().database()},
                        {"glue:GetTable", t.glueTableArn(region, account)},
                };
                for (String[] n : needed) {
                    if (!caller.isAllowed(n[0], n[1])) {
                        throw denied("Insufficient permissions to execute the query. User: " + caller.principalArn()
                                + " is not authorized to perform: " + n[0] + " on resource: " + n[1]);
                    }
                }
            }
            String location = t.table().location();
            if (!t.table().isView() && location != null && S3Location.isValid(location)) {
                S3Location loc = S3Location.parse(location).asPrefix();
                if (!caller.isAllowed("s3:ListBucket", "arn:aws:s3:::" + loc.bucket())
                        || !caller.isAllowed("s3:GetObject", loc.arn())) {
                    throw denied("PERMISSION_DENIED: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: "
                            + "AccessDenied) when reading " + location + " as " + caller.principalArn());
                }
            }
        }
    }

    void requireWrite(CallContext caller, S3Location object, String shownUrl) {
        if (!caller.isAllowed("s3:PutObject", object.arn())) {
            throw QueryFailedException.engine("Access denied when writing output to url: " + shownUrl
                    + " . Please ensure you are allowed to access the S3 bucket. If you are encrypting query results "
                    + "with KMS key, please ensure you are allowed to access your KMS key", 2, 401);
        }
    }

    private static QueryFailedException denied(String message) {
        return QueryFailedException.engine(message, 2, 1000);
    }
}
