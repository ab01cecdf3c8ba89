package ai.connecty.athena.local.storage;

import java.util.Comparator;

/**
 * The order S3 lists keys in: by their UTF-8 bytes. That is the order of code points, which {@link String#compareTo}
 * (UTF-16 units) follows except where a character beyond the basic plane (a surrogate pair, units D800 to DFFF)
 * meets one from E000 to FFFF: UTF-16 puts the pair first, UTF-8 after. Listing and resuming after a continuation
 * token must agree on one order, or a page repeats or skips keys.
 */
public final class KeyOrder {
    /** Compares two keys as S3 does. */
    public static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {
    }

    static int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(codePointRank(x), codePointRank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * A unit's place in code point order at the first difference of two strings: units from E000 move below the
     * surrogates, which move above everything (they stand for code points from 10000). Units below D800 keep their
     * place, and two surrogates at the same index compare as their units do.
     */
    private static int codePointRank(char unit) {
        if (unit >= 0xE000) {
            return unit - 0x800;
        }
        return unit >= 0xD800 ? unit + 0x2000 : unit;
    }
}
