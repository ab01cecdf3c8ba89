package ai.connecty.athena.jdbc.aws;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;

/**
 * Builds the one HTTP client that all SDK clients of a connection share (one connection pool, one proxy).
 * Apache HttpClient 5: the SDK deprecated its Apache 4 client in its favour.
 */
final class HttpClientFactory {
    private HttpClientFactory() {
    }

    static SdkHttpClient create(ConnectionConfig config) {
        Apache5HttpClient.Builder builder = Apache5HttpClient.builder();
        config.networkTimeoutMillis().ifPresent(millis -> {
            builder.connectionTimeout(Duration.ofMillis(millis));
            builder.socketTimeout(Duration.ofMillis(millis));
        });
        if (config.proxyHost().isPresent()) {
            builder.proxyConfiguration(proxy(config));
        }
        return builder.build();
    }

    static ProxyConfiguration proxy(ConnectionConfig config) {
        String host = config.proxyHost().get();
        URI parsed = URI.create(host.contains("://") ? host : "http://" + host);
        int port = config.proxyPort().isPresent() ? config.proxyPort().getAsInt() : parsed.getPort();
        URI endpoint = URI.create(parsed.getScheme() + "://" + parsed.getHost() + (port > 0 ? ":" + port : ""));
        ProxyConfiguration.Builder proxy = ProxyConfiguration.builder()
                .endpoint(endpoint)
                // Only the driver's own settings count; JVM-wide proxy properties would surprise users of tools.
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        config.proxyUsername().ifPresent(proxy::username);
        config.proxyPassword().ifPresent(proxy::password);
        if (!config.proxyExemptHosts().isEmpty()) {
            proxy.nonProxyHosts(exemptionRegexes(config.proxyExemptHosts()));
        }
        return proxy.build();
    }

    /**
     * ProxyExemptHosts as the SDK's route planner wants them: it matches the lower-cased host of each request against
     * every entry as a regular expression, so the text of a pattern is quoted and only {@code *} stays a wildcard.
     */
    static Set<String> exemptionRegexes(List<String> patterns) {
        Set<String> regexes = new LinkedHashSet<>();
        for (String pattern : patterns) {
            StringBuilder regex = new StringBuilder();
            String[] literals = pattern.split("\\*", -1);
            for (int i = 0; i < literals.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                if (!literals[i].isEmpty()) {
                    regex.append(Pattern.quote(literals[i]));
                }
            }
            regexes.add(regex.toString());
        }
        return regexes;
    }
}
