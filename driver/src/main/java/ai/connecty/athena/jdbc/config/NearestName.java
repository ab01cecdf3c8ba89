package ai.connecty.athena.jdbc.config;

import java.util.Locale;
import java.util.Optional;

/** Finds the known property name closest to a misspelt one, for "did you mean ...?" hints. */
final class NearestName {
    private NearestName() {
    }

    /** The canonical name of the closest property, if it is close enough to be a plausible typo. */
    static Optional<String> suggest(String unknown) {
        String target = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : ConnectionProperty.allNames()) {
            int distance = distance(target, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int tolerated = Math.max(2, target.length() / 3);
        if (best == null || bestDistance > tolerated) {
            return Optional.empty();
        }
        return ConnectionProperty.byName(best).map(ConnectionProperty::propertyName);
    }

    /** Levenshtein distance with two rolling rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
