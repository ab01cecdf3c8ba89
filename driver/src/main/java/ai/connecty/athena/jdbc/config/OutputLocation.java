package ai.connecty.athena.jdbc.config;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises OutputLocation to {@code s3://bucket/prefix/}. Users paste S3 console URLs, so the HTTPS forms
 * are rewritten (with a warning); everything else is refused here, before any network call, because Athena's own
 * error for a bad location only arrives after a query was submitted.
 */
public final class OutputLocation {
    static final String ACCEPTED_FORMS = "s3://bucket/prefix/ (the trailing slash is optional), "
            + "https://s3.amazonaws.com/bucket/prefix/, https://s3.<region>.amazonaws.com/bucket/prefix/, "
            + "https://bucket.s3.amazonaws.com/prefix/ or https://bucket.s3.<region>.amazonaws.com/prefix/";

    private static final Pattern S3_URI = Pattern.compile("(?i)s3://([^/]*)(/.*)?");
    private static final String AWS_DOMAIN = "(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?";
    private static final Pattern PATH_STYLE = Pattern.compile("(?i)https://s3" + AWS_DOMAIN + "/([^/]+)(/.*)?");
    private static final Pattern VIRTUAL_HOSTED = Pattern.compile("(?i)https://([^/]+?)\\.s3" + AWS_DOMAIN + "(/.*)?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private OutputLocation() {
    }

    /**
     * @param value    the configured text, already trimmed and non-empty
     * @param warnings receives a warning when an HTTPS form was rewritten
     * @return the location as {@code s3://bucket/prefix/}, always ending with '/'
     */
    public static String normalize(String value, List<SQLWarning> warnings) throws SQLException {
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw refused(value, "it contains whitespace");
        }
        Matcher s3 = S3_URI.matcher(value);
        if (s3.matches()) {
            return build(value, s3.group(1), s3.group(2));
        }
        Matcher https = PATH_STYLE.matcher(value);
        if (!https.matches()) {
            https = VIRTUAL_HOSTED.matcher(value);
        }
        if (https.matches()) {
            String normalized = build(value, https.group(1), https.group(2));
            warnings.add(ConfigErrors.warning("OutputLocation " + value + " was rewritten to " + normalized
                    + "; Athena needs the s3:// form, so prefer writing it that way"));
            return normalized;
        }
        throw refused(value, "it is neither an s3:// URI nor an S3 HTTPS URL");
    }

    private static String build(String original, String bucket, String path) throws SQLException {
        if (bucket.isEmpty()) {
            throw refused(original, "the bucket name is missing");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches()) {
            throw refused(original, "'" + bucket + "' is not a valid S3 bucket name (3-63 characters: lower-case "
                    + "letters, digits, '.' and '-', starting and ending with a letter or digit)");
        }
        String prefix = path == null ? "" : path.substring(1);
        if (prefix.contains("?") || prefix.contains("#")) {
            throw refused(original, "it has a query string or fragment");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (prefix.contains("//") || prefix.startsWith("/")) {
            throw refused(original, "the prefix has an empty path segment ('//')");
        }
        return "s3://" + bucket + "/" + prefix;
    }

    private static SQLException refused(String value, String reason) {
        return ConfigErrors.invalidValue(ConnectionProperty.OUTPUT_LOCATION, value,
                reason + ". Accepted forms: " + ACCEPTED_FORMS);
    }
}
