package ai.connecty.athena.jdbc.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Shape checks of individual values that Athena, STS or S3 would otherwise reject only after a network call. */
final class ValueFormats {
    /**
     * The shape of every partition's regions in the SDK's endpoints.json: us-east-1, us-gov-west-1, us-isob-east-1,
     * eu-isoe-west-1, eusc-de-east-1 (the European Sovereign Cloud). Not a list: a new region must not need a release.
     */
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]{2,4})?-[a-z]+-\\d{1,2}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** StartQueryExecution's WorkGroup member (athena-wire-protocol §2.1). */
    private static final Pattern WORK_GROUP = Pattern.compile("[a-zA-Z0-9._-]{1,128}");

    private ValueFormats() {
    }

    static String region(String value) throws SQLException {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!REGION.matcher(lower).matches()) {
            throw ConfigErrors.invalidValue(ConnectionProperty.REGION, value,
                    "expected an AWS Region code such as us-east-1, eu-west-1 or us-gov-west-1");
        }
        return lower;
    }

    /** A region found by the SDK's region chain, held to the same shape as the Region property. */
    static String regionFromSdkChain(String value) throws SQLException {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!REGION.matcher(lower).matches()) {
            throw ConfigErrors.error("Region is not set and the AWS SDK's region chain (AWS_REGION, the aws.region "
                    + "system property or the profile's region) gives '" + value + "', which is not an AWS Region "
                    + "code such as us-east-1: correct it there, or set the connection property Region (e.g. "
                    + "Region=us-east-1)");
        }
        return lower;
    }

    static void roleArn(String value) throws SQLException {
        roleArn(ConnectionProperty.ROLE_ARN, value);
    }

    /** RoleArn or JwtRoleArn: the same shape, the message naming the property that holds it. */
    static void roleArn(ConnectionProperty property, String value) throws SQLException {
        matching(ROLE_ARN, property, value,
                "expected an IAM role ARN such as arn:aws:iam::123456789012:role/connecty-athena");
    }

    static String roleSessionName(String value) throws SQLException {
        return roleSessionName(ConnectionProperty.ROLE_SESSION_NAME, value);
    }

    /** RoleSessionName or JwtRoleSessionName, which STS holds to the same rule. */
    static String roleSessionName(ConnectionProperty property, String value) throws SQLException {
        return matching(SESSION_NAME, property, value, "expected 2-64 characters from letters, digits and +=,.@_-");
    }

    static void externalId(String value) throws SQLException {
        matching(EXTERNAL_ID, ConnectionProperty.EXTERNAL_ID, value,
                "expected 2-1224 characters from letters, digits and +=,.@:/_-");
    }

    static void workGroup(String value) throws SQLException {
        matching(WORK_GROUP, ConnectionProperty.WORK_GROUP, value,
                "expected 1-128 characters from letters, digits and ._- (a workgroup's name, as the Athena console shows it)");
    }

    static void accountId(ConnectionProperty property, String value) throws SQLException {
        matching(ACCOUNT_ID, property, value, "expected a 12-digit AWS account id");
    }

    /** {@code value} unchanged when the whole of it matches {@code format}, else refused naming the property. */
    private static String matching(Pattern format, ConnectionProperty property, String value, String expectation)
            throws SQLException {
        if (!format.matcher(value).matches()) {
            throw ConfigErrors.invalidValue(property, value, expectation);
        }
        return value;
    }

    /**
     * ProxyHost: host, host:port, or an http:// or https:// URL of the proxy alone. The HTTP client reads it with
     * {@link URI}, which turns what it cannot parse as a server into host "null"; and it speaks only HTTP(S) to a
     * proxy. Credentials in the URL would be dropped (and logged with the settings): they go in ProxyUsername and
     * ProxyPassword, and the value is then not shown.
     */
    /** One entry of ProxyExemptHosts: a host name, IPv4 or IPv6 address, with * for any characters. */
    private static final Pattern HOST_PATTERN = Pattern.compile("[a-z0-9.*:_\\[\\]-]+");

    /**
     * ProxyExemptHosts checked: {@code |}-separated host names or addresses with {@code *} wildcards, as the JVM's
     * http.nonProxyHosts and the official driver take them. Empty entries (a trailing {@code |}) are passed over.
     */
    static void proxyExemptHosts(String value) throws SQLException {
        List<String> patterns = hostPatterns(value);
        String expected = "expected host names or IP addresses separated by |, * standing for any characters, e.g. "
                + "*.amazonaws.com|10.*|localhost";
        if (patterns.isEmpty()) {
            throw ConfigErrors.invalidValue(ConnectionProperty.PROXY_EXEMPT_HOSTS, value, expected);
        }
        for (String pattern : patterns) {
            if (!HOST_PATTERN.matcher(pattern).matches()) {
                throw ConfigErrors.invalidValue(ConnectionProperty.PROXY_EXEMPT_HOSTS, value, "'" + pattern
                        + "' is no host name or address; " + expected);
            }
        }
    }

    /** The non-empty entries of a {@code |}-separated host list, trimmed and lower-cased. */
    static List<String> hostPatterns(String value) {
        List<String> patterns = new ArrayList<>();
        for (String entry : value.split("\\|")) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                patterns.add(trimmed);
            }
        }
        return patterns;
    }

    static void proxyHost(String value) throws SQLException {
        ConnectionProperty property = ConnectionProperty.PROXY_HOST;
        if (value.indexOf('@') >= 0) {
            throw ConfigErrors.error("ProxyHost must not carry a user name or password (the value is not shown): set "
                    + "ProxyHost to the proxy alone, e.g. " + PROXY_EXAMPLE + ", and the credentials in ProxyUsername"
                    + " and ProxyPassword");
        }
        String expected = "expected host, host:port or an http:// or https:// URL of the proxy, e.g. " + PROXY_EXAMPLE;
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw ConfigErrors.invalidValue(property, value, expected);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ConfigErrors.invalidValue(property, value, "the driver speaks HTTP to a proxy (not " + scheme
                    + "); " + expected);
        }
        boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        boolean portOk = uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535);
        if (uri.getHost() == null || !portOk || !noPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw ConfigErrors.invalidValue(property, value, expected);
        }
    }

    private static final String PROXY_EXAMPLE = "http://proxy.example.com:3128";

    /** An endpoint URL; a bare host[:port] gets https:// like the SDK's own endpoint settings. */
    static URI endpoint(ConnectionProperty property, String value) throws SQLException {
        if (value.indexOf('@') >= 0) {
            // user:password@host: AWS endpoints take no such credentials, and they must not reach a message or log.
            throw ConfigErrors.error(property.propertyName() + " must not carry a user name or password (the value "
                    + "is not shown): AWS calls are signed with the connection's credentials; write the endpoint "
                    + "alone, e.g. https://athena.us-east-1.amazonaws.com or http://127.0.0.1:4566");
        }
        String withScheme = value.contains("://") ? value : "https://" + value;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw ConfigErrors.invalidValue(property, value, "the scheme must be https:// or http://");
            }
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw ConfigErrors.invalidValue(property, value,
                        "expected an endpoint such as https://athena.us-east-1.amazonaws.com or http://127.0.0.1:4566");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ConfigErrors.invalidValue(property, value,
                    "not a valid URL (" + e.getReason() + "); expected e.g. http://127.0.0.1:4566");
        }
    }
}
