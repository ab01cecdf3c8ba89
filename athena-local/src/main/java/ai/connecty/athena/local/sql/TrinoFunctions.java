package ai.connecty.athena.local.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The function names Trino has, so Athena: a call of any other unqualified name fails before it runs with
 * {@code FUNCTION_NOT_FOUND: line L:C: Function 'name' not registered}, as Trino's analysis refuses it, where DuckDB
 * would have answered ({@code strftime}, {@code ifnull}, {@code list_value}, {@code string_agg}, {@code len}...).
 * That covers the names SQL written for other databases brings along too: {@code character_length}, and
 * {@code x = any(?)} with an array, which Trino's grammar reads as a call of a function {@code any} (its ANY, SOME
 * and ALL quantify a subquery only).
 *
 * <p>The names are in {@code trino-functions.txt} next to this class, whose header names their source. The Athena
 * functions athena-local cannot run ({@link UnavailableFunctions}) count as Trino's: they fail with NOT_SUPPORTED,
 * checked first. Only calls in the tree are checked, so any name stays usable for columns and aliases; a name with
 * a catalog or schema is left to the engine.
 */
final class TrinoFunctions {

    private static final String RESOURCE = "trino-functions.txt";

    private static final Set<String> NAMES = load();

    private TrinoFunctions() {
    }

    /** Whether Trino has a function of this name, given in lower case. */
    static boolean contains(String lowerCaseName) {
        return NAMES.contains(lowerCaseName) || UnavailableFunctions.contains(lowerCaseName);
    }

    private static Set<String> load() {
        try (InputStream in = TrinoFunctions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled " + RESOURCE + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled " + RESOURCE, e);
        }
    }
}
