package ai.connecty.athena.local.storage;

/** An {@code s3://bucket/key} URI taken apart; {@code key} may be empty or end with a slash (a prefix). */
public record S3Location(String bucket, String key) {

    public static boolean isValid(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            return false;
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        return BucketStore.isValidBucketName(bucket);
    }

    public static S3Location parse(String uri) {
        if (!isValid(uri)) {
            throw new IllegalArgumentException("Not an s3://bucket/key URI: " + uri);
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /**
     * A data file's URI as a table's Iceberg metadata may record it: {@code s3://}, or {@code s3a://} / {@code s3n://}
     * as Hadoop's S3 file systems (S3A, the older S3N) write it. All three name the same bucket and key, and Athena
     * reads each; only a data file's URI is taken this way (a table's LOCATION stays {@code s3://}).
     */
    public static S3Location parseDataFile(String uri) {
        for (String hadoop : new String[] {"s3a://", "s3n://"}) {
            if (uri != null && uri.regionMatches(true, 0, hadoop, 0, hadoop.length())) {
                return parse("s3://" + uri.substring(hadoop.length()));
            }
        }
        return parse(uri);
    }

    /** The same location as a prefix, ending with exactly one slash (or empty for the bucket root). */
    public S3Location asPrefix() {
        return key.isEmpty() || key.endsWith("/") ? this : new S3Location(bucket, key + "/");
    }

    public S3Location child(String name) {
        return new S3Location(bucket, asPrefix().key + name);
    }

    public String arn() {
        return "arn:aws:s3:::" + bucket + (key.isEmpty() ? "" : "/" + key);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
