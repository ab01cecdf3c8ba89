package ai.connecty.athena.jdbc.config;

import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The syntax of {@code jdbc:connecty-athena://[host[:port]];Key=Value;Key={value;with;semicolons};...}.
 * This class only splits the text; what the keys mean is decided by {@link PropertySettings}.
 * A first fragment without '=' is kept as the host segment: tools such as Metabase put the Athena host there.
 */
public final class ConnectionUrl {
    public static final String PREFIX = "jdbc:connecty-athena://";

    private final String hostSegment;
    private final List<Map.Entry<String, String>> pairs;

    private ConnectionUrl(String hostSegment, List<Map.Entry<String, String>> pairs) {
        this.hostSegment = hostSegment;
        this.pairs = Collections.unmodifiableList(pairs);
    }

    /** True when the URL is meant for this driver; the scheme part is compared ignoring case. */
    public static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    public static ConnectionUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw ConfigErrors.error("Not a Connecty Athena URL: it must start with " + PREFIX
                    + ", e.g. " + PREFIX + "Region=us-east-1;OutputLocation=s3://bucket/prefix/");
        }
        return new Parser(url.substring(PREFIX.length()), false).parse();
    }

    /**
     * What can be read of a URL that may be unfinished, for {@code Driver.getPropertyInfo}: tools call it while
     * the user is still typing. Never fails: a fragment that does not parse is skipped, a value whose brace is not
     * closed yet is left out (up to the next ';'), and a URL for another driver (or null) has no pairs.
     */
    public static ConnectionUrl parseLeniently(String url) {
        if (!accepts(url)) {
            return new ConnectionUrl(null, new ArrayList<>());
        }
        try {
            return new Parser(url.substring(PREFIX.length()), true).parse();
        } catch (SQLException e) {
            throw new IllegalStateException("The lenient URL parser raised an error", e);
        }
    }

    public Optional<String> hostSegment() {
        return Optional.ofNullable(hostSegment);
    }

    /** The key/value pairs in URL order; keys and values trimmed, braces removed. */
    public List<Map.Entry<String, String>> pairs() {
        return pairs;
    }

    /**
     * This URL with the connection properties given beside it ({@code DriverManager.getConnection(url, info)}, or
     * all of them from a DataSource, whose URL is the bare prefix) appended under their canonical names, in the
     * order of {@link ConnectionProperty}, where the URL does not already name them (the URL's value wins, as it
     * does when connecting). Keys that name no property are left out. What {@code DatabaseMetaData.getURL()} shows
     * (through {@link #withSecretsMasked()}), so that a tool displays how a DataSource's connection was made.
     */
    public ConnectionUrl withPropertiesBeside(Properties info) {
        if (info == null || info.isEmpty()) {
            return this;
        }
        Set<ConnectionProperty> named = EnumSet.noneOf(ConnectionProperty.class);
        for (Map.Entry<String, String> pair : pairs) {
            ConnectionProperty.byName(pair.getKey()).ifPresent(named::add);
        }
        Map<ConnectionProperty, String> beside = new TreeMap<>();
        for (String key : info.stringPropertyNames()) {
            String value = info.getProperty(key);
            ConnectionProperty.byName(key).filter(property -> !named.contains(property) && value != null)
                    .ifPresent(property -> beside.put(property, value));
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(pairs);
        beside.forEach((property, value) -> all.add(new AbstractMap.SimpleImmutableEntry<>(property.propertyName(), value)));
        return new ConnectionUrl(hostSegment, all);
    }

    /**
     * The URL rebuilt with the values of secret properties (Password, SessionToken, ProxyPassword) replaced by
     * {@code ****}: what {@code DatabaseMetaData.getURL()} shows, since tools display and log it.
     */
    public String withSecretsMasked() {
        StringBuilder url = new StringBuilder(PREFIX);
        if (hostSegment != null) {
            url.append(hostSegment).append(';');
        }
        String secret = null;
        for (Map.Entry<String, String> pair : pairs) {
            secret = secretThrough(secret, pair.getKey());
            String value = secret != null ? "****" : pair.getValue();
            url.append(pair.getKey()).append('=').append(value.indexOf(';') >= 0 ? "{" + value + "}" : value).append(';');
        }
        return url.toString();
    }

    /**
     * The secret key whose value the pair of {@code key} belongs to, {@code secretBefore} being the one of the pair
     * before it (null for none): a secret's key starts one, another known key ends it, and an unknown key stays in it,
     * as 'Password=ab;cd=ef;gh=ij' is most likely the secret 'ab;cd=ef;gh=ij' written without braces. The one rule
     * for what messages, warnings and {@link #withSecretsMasked()} hide.
     */
    static String secretThrough(String secretBefore, String key) {
        Optional<ConnectionProperty> property = ConnectionProperty.byName(key);
        if (!property.isPresent()) {
            return secretBefore;
        }
        return property.get().isSecret() ? key : null;
    }

    /**
     * The message for text after a secret's value that is no valid pair: most likely the secret itself continues
     * there after an unbraced ';', so that text is not shown.
     */
    static String secretHint(String what, String secretKey) {
        return what + " the value of " + secretKey + " in the connection URL (not shown: it may be part of that "
                + "secret value). A value that contains ';' must be wrapped in braces: " + secretKey + "={...}";
    }

    private static final class Parser {
        private final String text;
        private int position;
        private String hostSegment;
        private final List<Map.Entry<String, String>> pairs = new ArrayList<>();
        /** Skip what does not parse instead of refusing it (see {@link #parseLeniently}). */
        private final boolean lenient;

        Parser(String text, boolean lenient) {
            this.text = text;
            this.lenient = lenient;
        }

        ConnectionUrl parse() throws SQLException {
            boolean first = true;
            while (position < text.length()) {
                parseFragment(first);
                first = false;
            }
            return new ConnectionUrl(hostSegment, pairs);
        }

        private void parseFragment(boolean first) throws SQLException {
            int start = position;
            int equals = indexOfEither('=', ';', start);
            if (equals < 0 || text.charAt(equals) == ';') {
                int end = equals < 0 ? text.length() : equals;
                String fragment = text.substring(start, end).trim();
                position = end + 1;
                if (fragment.isEmpty()) {
                    return;
                }
                if (first && looksLikeHost(fragment)) {
                    hostSegment = fragment;
                    return;
                }
                if (lenient) {
                    return;
                }
                Optional<String> secretKey = secretBefore();
                if (secretKey.isPresent()) {
                    throw ConfigErrors.error(secretHint("Malformed text follows", secretKey.get()));
                }
                throw ConfigErrors.error("Malformed fragment '" + fragment + "' in the connection URL: expected "
                        + "Key=Value pairs separated by ';', e.g. " + PREFIX + "Region=us-east-1;WorkGroup=primary");
            }
            String key = text.substring(start, equals).trim();
            if (key.isEmpty() && lenient) {
                position = equals + 1;
                readValue(key);
                return;
            }
            if (key.isEmpty()) {
                throw ConfigErrors.error("Malformed fragment '" + text.substring(start, Math.min(text.length(),
                        equals + 1)) + "' in the connection URL: a property name is missing before '='");
            }
            position = equals + 1;
            String value = readValue(key);
            if (value != null) {
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
            }
        }

        /** The secret key whose value a fragment here may continue ({@link #secretThrough}). */
        private Optional<String> secretBefore() {
            String secret = null;
            for (Map.Entry<String, String> pair : pairs) {
                secret = secretThrough(secret, pair.getKey());
            }
            return Optional.ofNullable(secret);
        }

        /** The value at {@link #position}; null (lenient only) when it is left out. */
        private String readValue(String key) throws SQLException {
            int valueStart = skipWhitespace(position);
            if (valueStart < text.length() && text.charAt(valueStart) == '{') {
                int close = text.indexOf('}', valueStart + 1);
                if (close < 0 && lenient) {
                    // Unfinished: leave the pair out rather than let it swallow later pairs, secrets among them.
                    int end = text.indexOf(';', valueStart);
                    position = end < 0 ? text.length() : end + 1;
                    return null;
                }
                if (close < 0) {
                    throw ConfigErrors.error("The value of " + key + " in the connection URL opens a '{' that is "
                            + "never closed: write " + key + "={value} with the closing brace");
                }
                int after = skipWhitespace(close + 1);
                if (after < text.length() && text.charAt(after) != ';' && lenient) {
                    int end = text.indexOf(';', after);
                    position = end < 0 ? text.length() : end + 1;
                    return text.substring(valueStart + 1, close);
                }
                if (after < text.length() && text.charAt(after) != ';') {
                    throw ConfigErrors.error("Unexpected text after the closing '}' of " + key
                            + " in the connection URL: end the braced value with ';'");
                }
                position = after + 1;
                return text.substring(valueStart + 1, close);
            }
            int end = text.indexOf(';', valueStart);
            if (end < 0) {
                end = text.length();
            }
            position = end + 1;
            return text.substring(valueStart, end).trim();
        }

        private int indexOfEither(char a, char b, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == a || c == b) {
                    return i;
                }
            }
            return -1;
        }

        private int skipWhitespace(int from) {
            int i = from;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean looksLikeHost(String fragment) {
            String lower = fragment.toLowerCase(Locale.ROOT);
            boolean hostShaped = lower.matches("(https?://)?[a-z0-9.-]+(:\\d{1,5})?/?");
            // A lone word is more likely a key whose '=' was forgotten than a host name.
            return hostShaped && (lower.indexOf('.') >= 0 || lower.indexOf(':') >= 0);
        }
    }
}
