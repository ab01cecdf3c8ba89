package ai.connecty.athena.local.sql;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Trino's digests of a varbinary, which are varbinary themselves ({@code to_hex(md5(to_utf8(x)))} is the usual
 * spelling of a hex MD5): DuckDB's md5, sha1 and sha256 answer the lowercase hex text instead, and it has no sha512,
 * crc32 or hmac_*. The translation hands the bytes to Java as hex and turns the hex answer back into bytes.
 */
final class HashFunctions {
    static final String DIGEST_HEX = "athena_digest_hex";
    static final String HMAC_HEX = "athena_hmac_hex";
    static final String CRC32_HEX = "athena_crc32_hex";

    private HashFunctions() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofTexts(duck, DIGEST_HEX, String.class, HashFunctions::digestHex);
        JavaFunctions.ofTextList(duck, HMAC_HEX, String.class, HashFunctions::hmacHex);
        JavaFunctions.ofText(duck, CRC32_HEX, Long.class, HashFunctions::crc32);
    }

    /** The DuckDB text of Trino's {@code name(x)} or {@code name(x, key)} for a digest it has; null for another name. */
    static String call(String name, List<Calls.Arg> a) {
        return switch (name) {
            // DuckDB's own digests, from their hex answer back to bytes
            case "md5", "sha1", "sha256" -> "unhex(" + name + "(" + a.get(0).sql() + "))";
            case "sha512" -> "unhex(" + DIGEST_HEX + "('SHA-512', hex(" + a.get(0).sql() + ")))";
            case "crc32" -> CRC32_HEX + "(hex(" + a.get(0).sql() + "))";
            case "hmac_md5", "hmac_sha1", "hmac_sha256", "hmac_sha512" -> "unhex(" + HMAC_HEX + "('"
                    + switch (name) {
                        case "hmac_md5" -> "HmacMD5";
                        case "hmac_sha1" -> "HmacSHA1";
                        case "hmac_sha256" -> "HmacSHA256";
                        default -> "HmacSHA512";
                    } + "', hex(" + a.get(0).sql() + "), hex(" + a.get(1).sql() + ")))";
            default -> null;
        };
    }

    static String digestHex(String algorithm, String hex) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(HexFormat.of().parseHex(hex)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + algorithm, e);
        }
    }

    /** Arguments: the Mac algorithm, the value's hex, the key's hex; NULL when the value or the key is NULL. */
    static String hmacHex(Object[] arguments) {
        if (arguments[1] == null || arguments[2] == null) {
            return null;
        }
        String algorithm = (String) arguments[0];
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(HexFormat.of().parseHex((String) arguments[2]), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(HexFormat.of().parseHex((String) arguments[1])));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + algorithm, e);
        }
    }

    /** Trino's crc32: the CRC-32 of the bytes as a bigint (0 to 2^32 - 1). */
    static Long crc32(String hex) {
        CRC32 crc = new CRC32();
        crc.update(HexFormat.of().parseHex(hex));
        return crc.getValue();
    }
}
