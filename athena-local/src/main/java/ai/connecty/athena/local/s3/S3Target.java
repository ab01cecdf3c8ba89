package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.auth.AwsUriEncoding;
import ai.connecty.athena.local.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bucket and key a request addresses. Virtual-hosted style names the bucket in the Host header
 * ({@code b.s3.us-east-1.amazonaws.com}, {@code b.s3.amazonaws.com}, {@code b.localhost},
 * {@code b.s3.localhost}); path-style in the first path segment.
 *
 * @param bucket null for the service root (ListBuckets)
 * @param key    empty for bucket-level requests
 */
record S3Target(String bucket, String key) {

    private static final Pattern AWS_HOST = Pattern.compile("^(.+)\\.s3[.-](?:[a-z0-9-]+\\.)?amazonaws\\.com$");
    private static final Pattern LOCAL_HOST = Pattern.compile("^(.+?)(?:\\.s3)?\\.localhost$");

    static S3Target of(HttpRequest request) {
        String host = request.hostName();
        String path = request.rawPath().startsWith("/") ? request.rawPath().substring(1) : request.rawPath();
        String bucketFromHost = bucketFromHost(host);
        if (bucketFromHost != null) {
            return new S3Target(bucketFromHost, AwsUriEncoding.decode(path));
        }
        if (path.isEmpty()) {
            return new S3Target(null, "");
        }
        int slash = path.indexOf('/');
        return slash < 0 ? new S3Target(AwsUriEncoding.decode(path), "")
                : new S3Target(AwsUriEncoding.decode(path.substring(0, slash)), AwsUriEncoding.decode(path.substring(slash + 1)));
    }

    private static String bucketFromHost(String host) {
        Matcher aws = AWS_HOST.matcher(host);
        if (aws.matches()) {
            return aws.group(1);
        }
        Matcher local = LOCAL_HOST.matcher(host);
        if (local.matches() && !local.group(1).equals("s3")) {
            return local.group(1);
        }
        return null;
    }

    String bucketArn() {
        return "arn:aws:s3:::" + bucket;
    }

    String objectArn() {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }
}
