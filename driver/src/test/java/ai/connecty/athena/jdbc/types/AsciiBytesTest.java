package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The eight-bytes-at-a-time loops answer as a byte loop would, wherever the bytes lie in their array: at its
 * start and end (where the wide reads must not reach outside), at every alignment, and with any byte at any place.
 */
class AsciiBytesTest {

    @Test
    void indexOfFindsTheFirstTargetAtEveryPlaceAndAlignment() {
        for (int length = 0; length <= 40; length++) {
            for (int at = -1; at < length; at++) {
                byte[] b = new byte[length];
                for (int i = 0; i < length; i++) {
                    b[i] = (byte) (i % 3 == 0 ? 0xA2 : 'x'); // 0xA2 differs from '"' only in its high bit
                }
                if (at >= 0) {
                    b[at] = '"';
                    if (at + 1 < length) {
                        b[at + 1] = '"'; // a later one must not be answered
                    }
                }
                for (int from = 0; from <= length; from++) {
                    int expected = from <= at ? at : (at >= 0 && from == at + 1 && at + 1 < length ? at + 1 : length);
                    assertThat(AsciiBytes.indexOf(b, from, length, (byte) '"')).as("length %d, quote at %d, from %d", length, at, from)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void indexOfStopsAtTheLimitEvenWithATargetBeyondIt() {
        byte[] b = "abcdefghijklmnop\"".getBytes(StandardCharsets.US_ASCII);
        assertThat(AsciiBytes.indexOf(b, 0, 16, (byte) '"')).isEqualTo(16);
        assertThat(AsciiBytes.indexOf(b, 3, 9, (byte) '"')).isEqualTo(9);
    }

    @Test
    void randomBytesAnswerAsAByteLoop() {
        Random random = new Random(6);
        for (int round = 0; round < 200_000; round++) {
            int length = 1 + random.nextInt(30);
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                b[i] = (byte) (kind < 7 ? '0' + random.nextInt(10) : kind == 7 ? '"' : random.nextInt(256));
            }
            int from = random.nextInt(length);
            int to = from + 1 + random.nextInt(Math.min(18, length - from));
            assertThat(AsciiBytes.digits(b, from, to)).as("digits of %s", hex(b, from, to)).isEqualTo(byteLoop(b, from, to));
            int expected = from;
            while (expected < to && b[expected] != '"') {
                expected++;
            }
            assertThat(AsciiBytes.indexOf(b, from, to, (byte) '"')).isEqualTo(expected);
        }
    }

    @Test
    void digitsOfEveryLengthAtTheArraysEdges() {
        String digits = "918273645546372819";
        for (int n = 1; n <= 18; n++) {
            String run = digits.substring(0, n);
            for (String around : new String[] {"", "\"", ",\"x", "12345678"}) {
                byte[] atStart = (run + around).getBytes(StandardCharsets.US_ASCII);
                byte[] atEnd = (around + run).getBytes(StandardCharsets.US_ASCII);
                assertThat(AsciiBytes.digits(atStart, 0, n)).as(run + around).isEqualTo(Long.parseLong(run));
                assertThat(AsciiBytes.digits(atEnd, around.length(), atEnd.length)).as(around + run).isEqualTo(Long.parseLong(run));
            }
            for (int bad = 0; bad < n; bad++) {
                for (char c : new char[] {'/', ':', ' ', '-', 'a', '\u00e9'}) {
                    byte[] b = ("  " + run.substring(0, bad) + c + run.substring(bad + 1) + "  ").getBytes(StandardCharsets.ISO_8859_1);
                    assertThat(AsciiBytes.digits(b, 2, 2 + n)).as("%s with %s at %d", run, c, bad).isEqualTo(-1L);
                }
            }
        }
    }

    private static long byteLoop(byte[] b, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(String.format("%02x", b[i] & 0xff));
        }
        return s.toString();
    }
}
