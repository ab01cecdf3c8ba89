package ai.connecty.athena.local.auth;

/** IAM's glob: {@code *} matches any run of characters (also none), {@code ?} exactly one. */
public final class Wildcard {

    private Wildcard() {
    }

    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(java.util.Locale.ROOT) : value;
        int pi = 0;
        int vi = 0;
        int starAt = -1;
        int matchedAtStar = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starAt = pi++;
                matchedAtStar = vi;
            } else if (starAt >= 0) {
                pi = starAt + 1;
                vi = ++matchedAtStar;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
