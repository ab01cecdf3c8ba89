package ai.connecty.athena.local.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.io.BaseEncoding;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.language.Soundex;

/**
 * Trino's encoding, hashing and text functions DuckDB lacks: soundex, xxhash64, spooky_hash_v2_32/64, to_base32,
 * from_base32, to_base64url, to_big_endian_32/64, to_ieee754_32/64, normalize and split_to_multimap, and the array
 * functions contains_sequence and shuffle. Bytes travel to and from the Java functions as hex text, as in
 * {@link HashFunctions}; argument errors are Trino's (VarbinaryFunctions, StringFunctions, SplitToMultimapFunction,
 * ArrayContainsSequence), raised as {@link RaisedErrors.Raised}. EncodingFunctionsTest checks them.
 */
final class EncodingFunctions {
    static final String SOUNDEX = "athena_soundex";
    static final String XXHASH64_HEX = "athena_xxhash64_hex";
    static final String SPOOKY_HEX = "athena_spooky_hash_v2_hex";
    static final String TO_BASE32 = "athena_to_base32";
    static final String FROM_BASE32_HEX = "athena_from_base32_hex";
    static final String BIG_ENDIAN_HEX = "athena_to_big_endian_hex";
    static final String IEEE754_HEX = "athena_to_ieee754_hex";
    static final String NORMALIZE = "athena_normalize";
    static final String SPLIT_TO_MULTIMAP_JSON = "athena_split_to_multimap_json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EncodingFunctions() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, SOUNDEX, String.class, EncodingFunctions::soundex);
        JavaFunctions.ofText(duck, XXHASH64_HEX, String.class,
                hex -> HexFormat.of().toHexDigits(XxHash64.hash(HexFormat.of().parseHex(hex), 0)));
        JavaFunctions.ofTexts(duck, SPOOKY_HEX, String.class, (bits, hex) -> bits.equals("32")
                ? HexFormat.of().toHexDigits(SpookyHashV2.hash32(HexFormat.of().parseHex(hex), 0))
                : HexFormat.of().toHexDigits(SpookyHashV2.hash64(HexFormat.of().parseHex(hex), 0)));
        JavaFunctions.ofText(duck, TO_BASE32, String.class,
                hex -> BaseEncoding.base32().encode(HexFormat.of().parseHex(hex)));
        JavaFunctions.ofText(duck, FROM_BASE32_HEX, String.class, EncodingFunctions::fromBase32Hex);
        JavaFunctions.ofTexts(duck, BIG_ENDIAN_HEX, String.class, (bytes, value) -> bytes.equals("4")
                ? HexFormat.of().toHexDigits((int) Long.parseLong(value))
                : HexFormat.of().toHexDigits(Long.parseLong(value)));
        JavaFunctions.ofTexts(duck, IEEE754_HEX, String.class, EncodingFunctions::ieee754Hex);
        JavaFunctions.ofTexts(duck, NORMALIZE, String.class, EncodingFunctions::normalize);
        JavaFunctions.ofTextList(duck, SPLIT_TO_MULTIMAP_JSON, String.class, EncodingFunctions::splitToMultimapJson);
    }

    /** The DuckDB text of Trino's {@code name(args)} for the functions of this class; null for another name. */
    static String call(String name, List<Calls.Arg> a) {
        return switch (name) {
            case "soundex" -> SOUNDEX + "(CAST(" + a.get(0).sql() + " AS VARCHAR))";
            case "xxhash64" -> "unhex(" + XXHASH64_HEX + "(hex(" + a.get(0).sql() + ")))";
            case "spooky_hash_v2_32" -> "unhex(" + SPOOKY_HEX + "('32', hex(" + a.get(0).sql() + ")))";
            case "spooky_hash_v2_64" -> "unhex(" + SPOOKY_HEX + "('64', hex(" + a.get(0).sql() + ")))";
            case "to_base32" -> TO_BASE32 + "(hex(" + a.get(0).sql() + "))";
            case "from_base32" -> "unhex(" + FROM_BASE32_HEX + "(CAST(" + a.get(0).sql() + " AS VARCHAR)))";
            // Java's URL-safe encoder (Trino's to_base64url): the standard alphabet with - and _, padded with =.
            case "to_base64url" -> "translate(to_base64(" + a.get(0).sql() + "), '+/', '-_')";
            case "to_big_endian_32" -> "unhex(" + BIG_ENDIAN_HEX + "('4', CAST(CAST(" + a.get(0).sql()
                    + " AS INTEGER) AS VARCHAR)))";
            case "to_big_endian_64" -> "unhex(" + BIG_ENDIAN_HEX + "('8', CAST(CAST(" + a.get(0).sql()
                    + " AS BIGINT) AS VARCHAR)))";
            case "to_ieee754_32" -> "unhex(" + IEEE754_HEX + "('4', CAST(CAST(" + a.get(0).sql()
                    + " AS FLOAT) AS VARCHAR)))";
            case "to_ieee754_64" -> "unhex(" + IEEE754_HEX + "('8', CAST(CAST(" + a.get(0).sql()
                    + " AS DOUBLE) AS VARCHAR)))";
            // Trino's grammar turns normalize(x) into normalize(x, 'NFC') and normalize(x, nfd) into
            // normalize(x, 'nfd'): the form is always a literal, checked when the function runs.
            case "normalize" -> NORMALIZE + "(CAST(" + a.get(0).sql() + " AS VARCHAR), "
                    + (a.size() > 1 ? a.get(1).sql() : "'NFC'") + ")";
            case "split_to_multimap" -> "CAST(CAST(" + SPLIT_TO_MULTIMAP_JSON + "(" + a.get(0).sql() + ", "
                    + a.get(1).sql() + ", " + a.get(2).sql() + ") AS JSON) AS MAP(VARCHAR, VARCHAR[]))";
            case "contains_sequence" -> containsSequence(a.get(0).sql(), a.get(1).sql());
            case "shuffle" -> "list_transform(list_sort(list_transform(" + a.get(0).sql()
                    + ", __e -> {'r': random(), 'v': __e})), __s -> __s.v)";
            default -> null;
        };
    }

    /**
     * Trino's contains_sequence (ArrayContainsSequence): whether {@code seq} occurs in {@code x} as consecutive
     * elements, compared as IDENTICAL does (a NULL element matches a NULL one, which IS NOT DISTINCT FROM on the
     * slices gives); an empty {@code seq} is in every array; NULL for a NULL array.
     */
    static String containsSequence(String x, String seq) {
        return "CASE WHEN (" + x + ") IS NULL OR (" + seq + ") IS NULL THEN NULL ELSE coalesce(list_bool_or("
                + "list_transform(range(1, len(" + x + ") - len(" + seq + ") + 2), __i -> list_slice(" + x
                + ", __i, __i + len(" + seq + ") - 1) IS NOT DISTINCT FROM (" + seq + "))), false) END";
    }

    /** commons-codec's US English Soundex, as Trino calls it; a letter it cannot map fails with its message. */
    static String soundex(String text) {
        try {
            return Soundex.US_ENGLISH.encode(text);
        } catch (IllegalArgumentException e) {
            throw RaisedErrors.invalidArgumentError(e.getMessage());
        }
    }

    /** Guava's base32 (RFC 4648, padding optional when decoding), failing with the decoder's message as Trino does. */
    static String fromBase32Hex(String text) {
        try {
            return HexFormat.of().formatHex(BaseEncoding.base32().decode(text));
        } catch (IllegalArgumentException e) {
            String message = e.getCause() instanceof BaseEncoding.DecodingException cause ? cause.getMessage()
                    : e.getMessage();
            throw RaisedErrors.invalidArgumentError(message);
        }
    }

    /**
     * The IEEE 754 bits of a real ({@code bytes} 4) or double (8), big-endian, from DuckDB's text of the value (the
     * shortest text that reads back as the same value; {@code nan}, {@code inf}, {@code -inf} for the others).
     */
    static String ieee754Hex(String bytes, String text) {
        String javaText = switch (text) {
            case "nan", "-nan" -> "NaN";
            case "inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            default -> text;
        };
        if (bytes.equals("4")) {
            return HexFormat.of().formatHex(ByteBuffer.allocate(4).putFloat(Float.parseFloat(javaText)).array());
        }
        return HexFormat.of().formatHex(ByteBuffer.allocate(8).putDouble(Double.parseDouble(javaText)).array());
    }

    /** Trino's normalize (StringFunctions): the form must be exactly NFC, NFD, NFKC or NFKD. */
    static String normalize(String text, String form) {
        Normalizer.Form target;
        try {
            target = Normalizer.Form.valueOf(form);
        } catch (IllegalArgumentException e) {
            throw RaisedErrors.invalidArgumentError("Normalization form must be one of [NFD, NFC, NFKD, NFKC]");
        }
        return Normalizer.normalize(text, target);
    }

    /**
     * Trino's split_to_multimap (SplitToMultimapFunction) as a JSON object of arrays: entries split on the entry
     * delimiter (one trailing delimiter ends the text without an empty entry), each split on its only key-value
     * delimiter; a key seen again adds its value to the key's array, in order. NULL when an argument is NULL.
     */
    static String splitToMultimapJson(Object[] arguments) {
        if (arguments[0] == null || arguments[1] == null || arguments[2] == null) {
            return null;
        }
        String text = (String) arguments[0];
        String entryDelimiter = (String) arguments[1];
        String keyValueDelimiter = (String) arguments[2];
        if (entryDelimiter.isEmpty()) {
            throw RaisedErrors.invalidArgumentError("entryDelimiter is empty");
        }
        if (keyValueDelimiter.isEmpty()) {
            throw RaisedErrors.invalidArgumentError("keyValueDelimiter is empty");
        }
        if (entryDelimiter.equals(keyValueDelimiter)) {
            throw RaisedErrors.invalidArgumentError("entryDelimiter and keyValueDelimiter must not be the same");
        }
        Map<String, List<String>> entries = new LinkedHashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(entryDelimiter, start);
            String entry = end >= 0 ? text.substring(start, end) : text.substring(start);
            int keyEnd = entry.indexOf(keyValueDelimiter);
            String value = keyEnd < 0 ? null : entry.substring(keyEnd + keyValueDelimiter.length());
            if (value == null || value.contains(keyValueDelimiter)) {
                throw RaisedErrors.invalidArgumentError(
                        "Key-value delimiter must appear exactly once in each entry. Bad input: " + entry);
            }
            entries.computeIfAbsent(entry.substring(0, keyEnd), k -> new ArrayList<>()).add(value);
            if (end < 0) {
                break;
            }
            start = end + entryDelimiter.length();
        }
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
