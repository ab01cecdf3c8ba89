package ai.connecty.athena.jdbc.types;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.sql.SQLDataException;
import java.util.Locale;

/**
 * Text the driver sends to AWS must survive the trip unchanged. A Java string may hold an unpaired UTF-16
 * surrogate (half of a pair, e.g. a string cut in the middle of an emoji), which UTF-8 cannot encode: the SDK's
 * JSON writer and the JDK's encoder put {@code ?} in its place, so {@code "a\uD800"} would be sent, stored and
 * compared as {@code "a?"} without anyone being told. Likewise bytes decoded as UTF-8 or ASCII that are neither
 * would silently become U+FFFD. Both are refused here with 22021 (character not in repertoire), naming where.
 */
public final class WellFormedText {
    private WellFormedText() {
    }

    /** The index of the first unpaired surrogate of {@code text}, or -1 when every surrogate is half of a pair. */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code text} itself, or a 22021 {@link SQLDataException} when it holds an unpaired surrogate; {@code what}
     * begins the message ("Parameter 2", "The query text"). Null passes.
     */
    public static String require(String text, String what) throws SQLDataException {
        if (text == null) {
            return null;
        }
        int at = unpairedSurrogate(text);
        if (at >= 0) {
            throw new SQLDataException(what + " contains an unpaired UTF-16 surrogate (U+"
                    + String.format(Locale.ROOT, "%04X", (int) text.charAt(at)) + ") at index " + at
                    + ": UTF-8 cannot encode it, and it would reach Athena as '?'. Only whole surrogate pairs (such as an"
                    + " emoji) can be sent; was the text cut in the middle of a character?",
                    SqlState.CHARACTER_NOT_IN_REPERTOIRE);
        }
        return text;
    }

    /**
     * The bytes decoded strictly: a 22021 {@link SQLDataException} naming the offset of the first byte that is no
     * text in {@code charset}, where {@code new String(bytes, charset)} would put U+FFFD in its place.
     */
    public static String decode(byte[] bytes, Charset charset, String what) throws SQLDataException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // Each byte gives at most one char in UTF-8, ASCII and the single-byte sets (two per two bytes in UTF-16).
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError() || result.isOverflow()) {
            String where = in.position() < bytes.length ? " at byte offset " + in.position() + " (0x"
                    + String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xFF) + ")" : " at its end";
            throw new SQLDataException(what + " is no " + charset.name() + " text" + where + "; decoding it would put"
                    + " U+FFFD in place of those bytes. Pass text in " + charset.name()
                    + ", or bind bytes with setBytes/setBinaryStream (varbinary)", SqlState.CHARACTER_NOT_IN_REPERTOIRE);
        }
        return out.flip().toString();
    }
}
