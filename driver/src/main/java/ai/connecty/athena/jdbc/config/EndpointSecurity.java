package ai.connecty.athena.jdbc.config;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Locale;

/**
 * Plain HTTP carries the signed requests, and the results, readable by anyone on the path. The driver's own
 * endpoints are always https; http:// comes only from an endpoint property the user set. It is refused for AWS's
 * own hosts, which all speak TLS, and accepted with a warning for any other host that is not this machine
 * (an emulator on 127.0.0.1 or localhost needs no warning).
 */
final class EndpointSecurity {
    /**
     * The DNS suffixes of the partitions with public endpoints in the bundled SDK's endpoints.json (standard, China,
     * GovCloud, the European Sovereign Cloud; dual-stack included).
     */
    private static final String[] AWS_SUFFIXES = {".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".amazonaws.eu",
            ".api.amazonwebservices.eu", ".api.amazonwebservices.com.cn"};

    private EndpointSecurity() {
    }

    static void check(ConnectionProperty property, URI endpoint, List<SQLWarning> warnings) throws SQLException {
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            return;
        }
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        if (isAwsHost(host)) {
            throw ConfigErrors.invalidValue(property, endpoint.toString(), "AWS endpoints are reached over TLS only;"
                    + " use https://" + endpoint.getAuthority());
        }
        if (!isLoopback(host)) {
            warnings.add(ConfigErrors.warning(property.propertyName() + " " + endpoint + " is plain HTTP to another"
                    + " machine: requests, their signatures and the query results travel unencrypted. Use https://"
                    + " unless the network path is trusted."));
        }
    }

    private static boolean isAwsHost(String host) {
        for (String suffix : AWS_SUFFIXES) {
            if (host.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** By name only: resolving the host would be a network call at connect time. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("localhost") || bare.endsWith(".localhost") || bare.startsWith("127.")
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }
}
