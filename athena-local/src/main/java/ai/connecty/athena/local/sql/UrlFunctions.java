package ai.connecty.athena.local.sql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Trino's URL functions, registered on DuckDB as Java functions: Trino parses with {@link URI}, so calling the same
 * parser is the only way to agree on every odd URL (a component the URL lacks is {@code ''}, a URL {@code URI}
 * rejects is NULL). {@code url_encode}/{@code url_decode} replace DuckDB's built-ins, which encode differently.
 */
final class UrlFunctions {

    private UrlFunctions() {
    }

    /** Registers the functions on the DuckDB database of {@code duck} (see {@link JavaFunctions}). */
    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, "url_extract_protocol", String.class, url -> part(url, URI::getScheme));
        JavaFunctions.ofText(duck, "url_extract_host", String.class, url -> part(url, URI::getHost));
        JavaFunctions.ofText(duck, "url_extract_path", String.class, url -> part(url, URI::getPath));
        JavaFunctions.ofText(duck, "url_extract_query", String.class, url -> part(url, URI::getQuery));
        JavaFunctions.ofText(duck, "url_extract_fragment", String.class, url -> part(url, URI::getFragment));
        JavaFunctions.ofText(duck, "url_encode", String.class, UrlFunctions::encode);
        JavaFunctions.ofText(duck, "url_decode", String.class, UrlFunctions::decode);
        JavaFunctions.ofText(duck, "url_extract_port", Long.class, UrlFunctions::port);
        JavaFunctions.ofTexts(duck, "url_extract_parameter", String.class, UrlFunctions::parameter);
    }

    static String part(String url, Function<URI, String> component) {
        URI uri = parse(url);
        if (uri == null) {
            return null;
        }
        String value = component.apply(uri);
        return value == null ? "" : value;
    }

    static Long port(String url) {
        URI uri = parse(url);
        return uri == null || uri.getPort() < 0 ? null : (long) uri.getPort();
    }

    /** The first {@code name=value} of the raw query whose name matches, decoded; {@code ''} for a bare {@code name}. */
    static String parameter(String url, String name) {
        URI uri = parse(url);
        if (uri == null || uri.getRawQuery() == null) {
            return null;
        }
        for (String argument : uri.getRawQuery().split("&", -1)) {
            int equals = argument.indexOf('=');
            String key = equals < 0 ? argument : argument.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : decode(argument.substring(equals + 1));
            }
        }
        return null;
    }

    /** Form encoding (space as {@code +}), as Guava's form-parameter escaper that Trino uses. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Trino's url_decode passes the JDK's {@code IllegalArgumentException} message on, so its wording of a bad
     * escape depends on the JDK: JDK 22+ says {@code - not a hexadecimal digit: "z" = 122} where JDK 17 says
     * {@code - Error at index 0 in: "zz"}. athena-local answers in JDK 17's words whatever JDK runs it, so that
     * the emulator (and tests against it) give one message. (A signed escape such as {@code %+1}, which JDK 17
     * decodes and JDK 22+ refuses, still follows the JDK: no query of ours relies on it.)
     */
    static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RaisedErrors.invalidArgumentError(illegalHexMessage(value).orElse(e.getMessage()));
        }
    }

    private static final String ILLEGAL_HEX = "URLDecoder: Illegal hex characters in escape (%) pattern - ";

    /**
     * JDK 17's message for the first escape URLDecoder cannot parse: it reads the two characters after each
     * {@code %} as {@code Integer.parseInt(s, i + 1, i + 3, 16)}, which accepts a leading sign.
     */
    static Optional<String> illegalHexMessage(String value) {
        for (int i = 0; i + 2 < value.length(); i++) {
            if (value.charAt(i) != '%') {
                continue;
            }
            char first = value.charAt(i + 1);
            char second = value.charAt(i + 2);
            boolean signed = first == '+' || first == '-';
            int bad = !signed && Character.digit(first, 16) < 0 ? 0 : Character.digit(second, 16) < 0 ? 1 : -1;
            if (bad >= 0) {
                return Optional.of(ILLEGAL_HEX + "Error at index " + bad + " in: \"" + value.substring(i + 1, i + 3)
                        + "\"");
            }
            if (first == '-' && Character.digit(second, 16) > 0) {
                return Optional.of(ILLEGAL_HEX + "negative value");
            }
            i += 2;
        }
        return Optional.empty();
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
