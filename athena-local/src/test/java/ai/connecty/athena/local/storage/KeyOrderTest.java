package ai.connecty.athena.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
    private static final String FACE = "\uD83D\uDE00"; // U+1F600, a surrogate pair in UTF-16

    @Test
    void aCharacterBeyondTheBasicPlaneSortsAfterOnesFromE000AsTheirUtf8BytesDo() {
        List<String> keys = new ArrayList<>(List.of("k" + FACE, "k\uFFFD", "k\uE000", "k\uD7FF", "kz", "k"));
        keys.sort(KeyOrder.UTF8);
        assertThat(keys).containsExactly("k", "kz", "k\uD7FF", "k\uE000", "k\uFFFD", "k" + FACE);
        assertThat("k\uFFFD".compareTo("k" + FACE)).as("String order differs here").isPositive();
    }

    /** Against the definition itself: random keys over the characters where the two orders part, by their bytes. */
    @Test
    void agreesWithTheUnsignedOrderOfUtf8BytesOnRandomKeys() {
        String[] pieces = {"a", "z", "/", "\u00e4", "\u07ff", "\u0800", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF",
            "\uD800\uDC00", FACE, "\uDBFF\uDFFF"};
        Random random = new Random(20261205);
        for (int n = 0; n < 20_000; n++) {
            String a = randomKey(random, pieces);
            String b = randomKey(random, pieces);
            int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
            assertThat(Integer.signum(KeyOrder.UTF8.compare(a, b))).as("%s against %s", a, b)
                    .isEqualTo(Integer.signum(bytes));
        }
    }

    private static String randomKey(Random random, String[] pieces) {
        StringBuilder key = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            key.append(pieces[random.nextInt(pieces.length)]);
        }
        return key.toString();
    }
}
