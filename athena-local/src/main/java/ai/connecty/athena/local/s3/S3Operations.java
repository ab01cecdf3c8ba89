package ai.connecty.athena.local.s3;

import java.util.Map;
import java.util.Set;

/**
 * Names the S3 operation a request calls, as S3's REST API defines it: the method, whether a key is present, and
 * the sub-resource in the query string ({@code ?tagging}, {@code ?acl}, {@code ?uploads}...). A sub-resource
 * always names its own operation, so a request on one can never be mistaken for a plain object or bucket request
 * (which would read, overwrite or delete the object).
 */
final class S3Operations {

    /** Query parameters that only refine a plain request; any other parameter is a sub-resource. */
    private static final Set<String> PLAIN = Set.of("list-type", "prefix", "delimiter", "max-keys",
            "continuation-token", "start-after", "encoding-type", "fetch-owner", "marker", "x-id", "partNumber",
            "versionId", "response-content-type", "response-content-language", "response-expires",
            "response-cache-control", "response-content-disposition", "response-content-encoding",
            "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-expires", "x-amz-signedheaders",
            "x-amz-signature", "x-amz-security-token", "x-amz-checksum-mode");

    private static final Map<String, String> OBJECT_GET = Map.of("tagging", "GetObjectTagging", "acl", "GetObjectAcl",
            "uploadId", "ListParts", "attributes", "GetObjectAttributes", "legal-hold", "GetObjectLegalHold",
            "retention", "GetObjectRetention", "torrent", "GetObjectTorrent");
    private static final Map<String, String> OBJECT_PUT = Map.of("tagging", "PutObjectTagging", "acl", "PutObjectAcl",
            "legal-hold", "PutObjectLegalHold", "retention", "PutObjectRetention", "uploadId", "UploadPart");
    private static final Map<String, String> OBJECT_DELETE = Map.of("tagging", "DeleteObjectTagging",
            "uploadId", "AbortMultipartUpload");
    private static final Map<String, String> OBJECT_POST = Map.of("uploads", "CreateMultipartUpload",
            "uploadId", "CompleteMultipartUpload", "restore", "RestoreObject", "select", "SelectObjectContent");

    private static final Map<String, String> BUCKET_GET = Map.ofEntries(Map.entry("location", "GetBucketLocation"),
            Map.entry("versioning", "GetBucketVersioning"), Map.entry("acl", "GetBucketAcl"),
            Map.entry("policy", "GetBucketPolicy"), Map.entry("policyStatus", "GetBucketPolicyStatus"),
            Map.entry("cors", "GetBucketCors"), Map.entry("lifecycle", "GetBucketLifecycleConfiguration"),
            Map.entry("tagging", "GetBucketTagging"), Map.entry("uploads", "ListMultipartUploads"),
            Map.entry("versions", "ListObjectVersions"), Map.entry("website", "GetBucketWebsite"),
            Map.entry("logging", "GetBucketLogging"), Map.entry("notification", "GetBucketNotificationConfiguration"),
            Map.entry("encryption", "GetBucketEncryption"), Map.entry("replication", "GetBucketReplication"),
            Map.entry("requestPayment", "GetBucketRequestPayment"),
            Map.entry("accelerate", "GetBucketAccelerateConfiguration"),
            Map.entry("object-lock", "GetObjectLockConfiguration"),
            Map.entry("ownershipControls", "GetBucketOwnershipControls"),
            Map.entry("publicAccessBlock", "GetPublicAccessBlock"), Map.entry("analytics", "GetBucketAnalyticsConfiguration"),
            Map.entry("metrics", "GetBucketMetricsConfiguration"), Map.entry("inventory", "GetBucketInventoryConfiguration"),
            Map.entry("intelligent-tiering", "GetBucketIntelligentTieringConfiguration"));
    private static final Map<String, String> BUCKET_PUT = Map.ofEntries(Map.entry("versioning", "PutBucketVersioning"),
            Map.entry("acl", "PutBucketAcl"), Map.entry("policy", "PutBucketPolicy"), Map.entry("cors", "PutBucketCors"),
            Map.entry("lifecycle", "PutBucketLifecycleConfiguration"), Map.entry("tagging", "PutBucketTagging"),
            Map.entry("website", "PutBucketWebsite"), Map.entry("logging", "PutBucketLogging"),
            Map.entry("notification", "PutBucketNotificationConfiguration"),
            Map.entry("encryption", "PutBucketEncryption"), Map.entry("replication", "PutBucketReplication"),
            Map.entry("requestPayment", "PutBucketRequestPayment"),
            Map.entry("accelerate", "PutBucketAccelerateConfiguration"),
            Map.entry("object-lock", "PutObjectLockConfiguration"),
            Map.entry("ownershipControls", "PutBucketOwnershipControls"),
            Map.entry("publicAccessBlock", "PutPublicAccessBlock"));
    private static final Map<String, String> BUCKET_DELETE = Map.ofEntries(Map.entry("policy", "DeleteBucketPolicy"),
            Map.entry("cors", "DeleteBucketCors"), Map.entry("lifecycle", "DeleteBucketLifecycle"),
            Map.entry("tagging", "DeleteBucketTagging"), Map.entry("website", "DeleteBucketWebsite"),
            Map.entry("encryption", "DeleteBucketEncryption"), Map.entry("replication", "DeleteBucketReplication"),
            Map.entry("ownershipControls", "DeleteBucketOwnershipControls"),
            Map.entry("publicAccessBlock", "DeletePublicAccessBlock"));
    private static final Map<String, String> BUCKET_POST = Map.of("delete", "DeleteObjects");

    private S3Operations() {
    }

    /** The operation name; an unknown sub-resource gives {@code <METHOD> ?<name>} so it is refused, never guessed. */
    static String of(String method, String bucket, String key, Map<String, String> query, boolean copySource) {
        if (bucket == null) {
            return method.equals("GET") ? "ListBuckets" : method + "Service";
        }
        String sub = subResource(query);
        boolean object = !key.isEmpty();
        Map<String, String> table = switch (method) {
            case "GET" -> object ? OBJECT_GET : BUCKET_GET;
            case "PUT" -> object ? OBJECT_PUT : BUCKET_PUT;
            case "DELETE" -> object ? OBJECT_DELETE : BUCKET_DELETE;
            case "POST" -> object ? OBJECT_POST : BUCKET_POST;
            default -> Map.of();
        };
        if (sub != null) {
            String named = table.get(sub);
            if (named == null) {
                return method + " ?" + sub;
            }
            return named.equals("UploadPart") && copySource ? "UploadPartCopy" : named;
        }
        if (object) {
            return switch (method) {
                case "GET" -> "GetObject";
                case "HEAD" -> "HeadObject";
                case "PUT" -> copySource ? "CopyObject" : "PutObject";
                case "DELETE" -> "DeleteObject";
                case "POST" -> "PostObject";
                default -> method + "Object";
            };
        }
        return switch (method) {
            case "GET" -> "2".equals(query.get("list-type")) ? "ListObjectsV2" : "ListObjects";
            case "HEAD" -> "HeadBucket";
            case "PUT" -> "CreateBucket";
            case "DELETE" -> "DeleteBucket";
            case "POST" -> "PostObject";
            default -> method + "Bucket";
        };
    }

    /** The request's sub-resource: the first query parameter that does not merely refine a plain request. */
    private static String subResource(Map<String, String> query) {
        // uploadId beats partNumber (UploadPart carries both); uploads/uploadId are checked before the rest.
        for (String preferred : new String[] {"uploads", "uploadId"}) {
            if (query.containsKey(preferred)) {
                return preferred;
            }
        }
        for (String name : query.keySet()) {
            if (!PLAIN.contains(name) && !PLAIN.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }
}
