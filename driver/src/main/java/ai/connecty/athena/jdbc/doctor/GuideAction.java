package ai.connecty.athena.jdbc.doctor;

/**
 * The actions of the connection guide's IAM policy that the driver may call, each with the statement (Sid) of
 * the guide that grants it, so a denial can name the exact statement to restore.
 */
public enum GuideAction {
    ASSUME_ROLE("sts:AssumeRole", "AllowConnectyAIUserToAssume", "the role's trust policy"),
    LIST_WORK_GROUPS("athena:ListWorkGroups", "AthenaListGlobal", "the role's policy"),
    LIST_DATA_CATALOGS("athena:ListDataCatalogs", "AthenaListGlobal", "the role's policy"),
    LIST_DATABASES("athena:ListDatabases", "AthenaListDatabasesAndTablesInAllowedCatalogs", "the role's policy"),
    LIST_TABLE_METADATA("athena:ListTableMetadata", "AthenaListDatabasesAndTablesInAllowedCatalogs",
            "the role's policy"),
    START_QUERY_EXECUTION("athena:StartQueryExecution", "AthenaStartQueryInWorkgroupAndDb", "the role's policy"),
    GET_QUERY_EXECUTION("athena:GetQueryExecution", "AthenaReadExecAndHistory", "the role's policy"),
    GET_QUERY_RESULTS("athena:GetQueryResults", "AthenaReadExecAndHistory", "the role's policy"),
    GLUE_GET_DATABASES("glue:GetDatabases", "GlueReadOnly", "the role's policy"),
    GLUE_GET_DATABASE("glue:GetDatabase", "GlueReadOnly", "the role's policy"),
    GLUE_GET_TABLES("glue:GetTables", "GlueReadOnly", "the role's policy"),
    GLUE_GET_TABLE("glue:GetTable", "GlueReadOnly", "the role's policy"),
    GLUE_GET_PARTITIONS("glue:GetPartitions", "GlueReadOnly", "the role's policy"),
    S3_GET_BUCKET_LOCATION("s3:GetBucketLocation", "WriteResultsBucket", "the role's policy"),
    S3_LIST_BUCKET("s3:ListBucket", "WriteResultsBucket", "the role's policy"),
    S3_PUT_OBJECT("s3:PutObject", "PutResultsObjects", "the role's policy"),
    S3_GET_OBJECT("s3:GetObject", "PutResultsObjects", "the role's policy");

    private final String action;
    private final String sid;
    private final String document;

    GuideAction(String action, String sid, String document) {
        this.action = action;
        this.sid = sid;
        this.document = document;
    }

    /** e.g. {@code athena:ListWorkGroups}. */
    public String action() {
        return action;
    }

    /** The guide's statement id that grants it, e.g. {@code AthenaListGlobal}. */
    public String sid() {
        return sid;
    }

    /** {@code athena:ListWorkGroups (Sid AthenaListGlobal)}: the name of the doctor's line for this action. */
    String label() {
        return action + " (Sid " + sid + ")";
    }

    /**
     * The fix for a denial; {@code resource} may be null. Without a role the permissions sit on the user itself
     * (the guide allows that), so the fix names the user's policy.
     */
    String grantFix(String resource, boolean viaRole) {
        String on = resource == null ? "" : " on " + resource;
        String where = this == ASSUME_ROLE || viaRole ? document : "the user's policy";
        return "allow " + action + on + " in " + where + " (statement " + sid + " of the connection guide)";
    }
}
