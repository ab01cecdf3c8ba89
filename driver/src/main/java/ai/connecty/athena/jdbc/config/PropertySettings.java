package ai.connecty.athena.jdbc.config;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The raw text of each property after merging the URL and the {@code Properties}: aliases resolved to their
 * property, case ignored, empty values treated as absent, and the URL winning over {@code Properties}.
 * Unknown keys never fail the connection; each becomes a warning with the nearest known name.
 */
public final class PropertySettings {
    private final Map<ConnectionProperty, String> values;
    private final List<SQLWarning> warnings;

    private PropertySettings(Map<ConnectionProperty, String> values, List<SQLWarning> warnings) {
        this.values = values;
        this.warnings = warnings;
    }

    public static PropertySettings resolve(String url, Properties info) throws SQLException {
        return resolve(ConnectionUrl.parse(url), info, false);
    }

    /**
     * The settings as far as they can be read, for {@code Driver.getPropertyInfo}, which tools call while the URL
     * is being typed: never fails. Fragments that do not parse are skipped (see
     * {@link ConnectionUrl#parseLeniently}) and of two different values for one property the later one counts.
     */
    public static PropertySettings resolveLeniently(String url, Properties info) {
        try {
            return resolve(ConnectionUrl.parseLeniently(url), info, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Lenient resolution raised an error", e);
        }
    }

    private static PropertySettings resolve(ConnectionUrl parsed, Properties info, boolean lenient)
            throws SQLException {
        List<SQLWarning> warnings = new ArrayList<>();
        Map<ConnectionProperty, Sourced> fromProperties = collect(propertiesEntries(info), "the connection "
                + "Properties", warnings, false, lenient);
        List<Map.Entry<String, String>> urlPairs = new ArrayList<>(parsed.pairs());
        parsed.hostSegment().ifPresent(host -> urlPairs.add(0, new AbstractMap.SimpleImmutableEntry<>(
                ConnectionProperty.ATHENA_ENDPOINT.propertyName(), host)));
        Map<ConnectionProperty, Sourced> fromUrl = collect(urlPairs, "the URL", warnings, true, lenient);

        Map<ConnectionProperty, String> merged = new EnumMap<>(ConnectionProperty.class);
        fromProperties.forEach((property, sourced) -> merged.put(property, sourced.value));
        fromUrl.forEach((property, sourced) -> merged.put(property, sourced.value));
        return new PropertySettings(Collections.unmodifiableMap(merged), Collections.unmodifiableList(warnings));
    }

    /** The configured text of the property, if any; defaults are not applied here. */
    public Optional<String> get(ConnectionProperty property) {
        return Optional.ofNullable(values.get(property));
    }

    public boolean isSet(ConnectionProperty property) {
        return values.containsKey(property);
    }

    public List<SQLWarning> warnings() {
        return warnings;
    }

    private static List<Map.Entry<String, String>> propertiesEntries(Properties info) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        if (info == null) {
            return entries;
        }
        // Callers sometimes put non-String values (Integer fetch sizes); read them as text instead of failing.
        for (Map.Entry<Object, Object> entry : info.entrySet()) {
            if (entry.getKey() != null && entry.getValue() != null) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(String.valueOf(entry.getKey()).trim(),
                        String.valueOf(entry.getValue()).trim()));
            }
        }
        for (String name : info.stringPropertyNames()) {
            // Defaults of a Properties object are not in entrySet().
            if (!info.containsKey(name)) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(name.trim(), info.getProperty(name).trim()));
            }
        }
        return entries;
    }

    private static Map<ConnectionProperty, Sourced> collect(List<Map.Entry<String, String>> entries, String source,
                                                            List<SQLWarning> warnings, boolean ordered,
                                                            boolean lenient) throws SQLException {
        Map<ConnectionProperty, Sourced> result = new EnumMap<>(ConnectionProperty.class);
        // In the URL, the secret key whose value the unknown keys since may continue: 'Password=ab;cd=ef;gh=ij' is
        // most likely the secret 'ab;cd=ef;gh=ij' without braces, so 'cd' and 'gh' are hidden. A known key ends it.
        String secretBefore = null;
        boolean hinted = false;
        for (Map.Entry<String, String> entry : entries) {
            String key = entry.getKey();
            Optional<ConnectionProperty> property = ConnectionProperty.byName(key);
            if (!property.isPresent()) {
                if (!ordered || secretBefore == null) {
                    warnings.add(ConfigErrors.warning(unknownKeyMessage(key, source)));
                } else if (!hinted) {
                    warnings.add(ConfigErrors.warning(
                            ConnectionUrl.secretHint("An unknown connection property was ignored after", secretBefore)));
                    hinted = true;
                }
                continue;
            }
            secretBefore = ConnectionUrl.secretThrough(secretBefore, key);
            hinted = false;
            String value = entry.getValue();
            if (value.isEmpty()) {
                continue;
            }
            Sourced previous = result.get(property.get());
            if (previous != null && !previous.value.equals(value) && !lenient) {
                throw conflict(property.get(), previous, key, value, source);
            }
            result.put(property.get(), new Sourced(key, value));
        }
        return result;
    }

    private static String unknownKeyMessage(String key, String source) {
        Optional<String> official = OfficialOnlyProperties.hint(key);
        if (official.isPresent()) {
            return "Connection property '" + key + "' in " + source + ", a property of the official Athena JDBC "
                    + "driver, is not supported by this driver and was ignored: " + official.get();
        }
        String message = "Unknown connection property '" + key + "' in " + source + " was ignored";
        Optional<String> suggestion = NearestName.suggest(key);
        return suggestion.map(name -> message + "; did you mean " + name + "?")
                .orElse(message + "; see docs/properties.md for the accepted names");
    }

    private static SQLException conflict(ConnectionProperty property, Sourced previous, String key, String value,
                                         String source) {
        String spellings = previous.spelling.equals(key) ? "twice as " + key
                : "as both " + previous.spelling + " and " + key;
        String values = property.isSecret() ? "different values"
                : "different values (" + ConfigErrors.shown(property, previous.value) + " and "
                + ConfigErrors.shown(property, value) + ")";
        return ConfigErrors.error("Connection property " + property.propertyName() + " is set " + spellings + " in "
                + source + " with " + values + "; keep only one of them");
    }

    /** A value with the spelling the user wrote, so conflicts can quote it back. */
    private static final class Sourced {
        private final String spelling;
        private final String value;

        Sourced(String spelling, String value) {
            this.spelling = spelling;
            this.value = value;
        }
    }
}
