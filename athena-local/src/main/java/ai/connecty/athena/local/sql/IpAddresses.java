package ai.connecty.athena.local.sql;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Trino's IPADDRESS on DuckDB. A value is held as {@link #DUCKDB_TYPE}, a struct of one UHUGEINT field named
 * {@code ipaddress}: the number is the 16 bytes Trino holds (IPv4 as IPv4-mapped IPv6), so DuckDB's comparisons,
 * ORDER BY, min/max, DISTINCT and GROUP BY order and equate addresses as Trino does; and the struct is a type no
 * other Trino type becomes (Trino has no 128-bit integer), so the result column's DuckDB type names it, also inside
 * arrays, CASE, UNION or aggregates ({@link TypeParser} reads it back as {@code ipaddress}, {@link ValueRenderer}
 * prints it). DuckDB keeps no alias name of a type through expressions, and its {@code inet} extension cannot be
 * loaded here. Values cross into the Java functions as the number's decimal text; their text is
 * {@link IpAddressText}'s. Errors are Trino's (IpAddressOperators, IpAddressFunctions).
 */
final class IpAddresses {
    static final String DUCKDB_TYPE = "STRUCT(ipaddress UHUGEINT)";

    private static final String PARSE = "athena_ipaddress_parse";
    private static final String FROM_HEX = "athena_ipaddress_from_hex";
    private static final String TEXT = "athena_ipaddress_text";
    private static final String HEX = "athena_ipaddress_hex";
    private static final String CONTAINS = "athena_ipaddress_contains";
    private static final String STRICT = "'strict'";
    private static final String SAFE = "'safe'";

    private IpAddresses() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofTexts(duck, PARSE, String.class, (text, mode) -> {
            byte[] bytes = IpAddressText.parse(text);
            if (bytes == null) {
                return fail(mode, "Cannot cast value to IPADDRESS: " + text);
            }
            return structText(bytes);
        });
        JavaFunctions.ofTexts(duck, FROM_HEX, String.class, (hex, mode) -> {
            byte[] bytes = HexFormat.of().parseHex(hex);
            return switch (bytes.length) {
                case 4 -> structText(IpAddressText.mapped(bytes));
                case IpAddressText.BYTES -> structText(bytes);
                default -> fail(mode, "Invalid IP address binary length: " + bytes.length);
            };
        });
        JavaFunctions.ofText(duck, TEXT, String.class, number -> IpAddressText.format(bytes(number)));
        JavaFunctions.ofText(duck, HEX, String.class, number -> HexFormat.of().formatHex(bytes(number)));
        JavaFunctions.ofTexts(duck, CONTAINS, Boolean.class, IpAddresses::contains);
    }

    /** DuckDB SQL casting {@code text} (a varchar) to IPADDRESS; NULL for text no address when {@code safe}. */
    static String fromText(String text, boolean safe) {
        return "CAST(" + PARSE + "(" + text + ", " + (safe ? SAFE : STRICT) + ") AS " + DUCKDB_TYPE + ")";
    }

    /** DuckDB SQL casting {@code blob} (a varbinary of 4 or 16 bytes) to IPADDRESS. */
    static String fromBinary(String blob, boolean safe) {
        return "CAST(" + FROM_HEX + "(hex(" + blob + "), " + (safe ? SAFE : STRICT) + ") AS " + DUCKDB_TYPE + ")";
    }

    /** DuckDB SQL of an IPADDRESS's text (Trino's CAST to varchar). */
    static String toText(String address) {
        return TEXT + "(" + number(address) + ")";
    }

    /** DuckDB SQL of an IPADDRESS's 16 bytes (Trino's CAST to varbinary). */
    static String toBinary(String address) {
        return "unhex(" + HEX + "(" + number(address) + "))";
    }

    /**
     * The DuckDB SQL of a cast between IPADDRESS and varchar or varbinary, or null for other casts (DuckDB's own);
     * {@code source} is the argument's type where the tree shows it.
     *
     * @throws EngineFailure Trino's {@code TYPE_MISMATCH: Cannot cast integer to ipaddress} for a cast Trino has
     *                       not (IPADDRESS casts only to and from varchar and varbinary), after {@code position}
     */
    static String cast(String expression, SqlType source, SqlType target, boolean safe, String position) {
        boolean fromAddress = source != null && source.is("ipaddress");
        if (target.is("ipaddress")) {
            if (fromAddress) {
                return expression;
            }
            if (source != null && !castable(source)) {
                throw mismatch(position, source, target);
            }
            return source != null && source.is("varbinary") ? fromBinary(expression, safe)
                    : fromText("CAST(" + expression + " AS VARCHAR)", safe);
        }
        if (!fromAddress) {
            return null;
        }
        if (target.is("varchar") || target.is("char")) {
            return toText(expression);
        }
        if (target.is("varbinary")) {
            return toBinary(expression);
        }
        throw mismatch(position, source, target);
    }

    /** A type Trino casts to IPADDRESS: text, bytes, or the unknown type of a bare NULL. */
    private static boolean castable(SqlType source) {
        return source.is("varchar") || source.is("char") || source.is("varbinary") || source.is("unknown");
    }

    private static EngineFailure mismatch(String position, SqlType source, SqlType target) {
        return EngineFailure.user("TYPE_MISMATCH", position + "Cannot cast " + source.analyzedName() + " to "
                + target.analyzedName());
    }

    /**
     * Trino's {@code contains(varchar, ipaddress)} where the arguments show that form (a varchar first or an
     * IPADDRESS second: the array form never has either), else null.
     */
    static String contains(List<Calls.Arg> a) {
        if (a.size() != 2 || !(a.get(0).isString() || a.get(0).isA("varchar") || a.get(0).isA("char")
                || a.get(1).isA("ipaddress"))) {
            return null;
        }
        return CONTAINS + "(CAST(" + a.get(0).sql() + " AS VARCHAR), " + number(a.get(1).sql()) + ")";
    }

    /** The Athena text of a DuckDB value of {@link #DUCKDB_TYPE} as JDBC returns it. */
    static String render(Object value) throws SQLException {
        Object number = ((java.sql.Struct) value).getAttributes()[0];
        return number == null ? "null" : IpAddressText.format(bytes(number.toString()));
    }

    private static String number(String address) {
        return "CAST(struct_extract(" + address + ", 'ipaddress') AS VARCHAR)";
    }

    private static byte[] bytes(String number) {
        return IpAddressText.bytes(new BigInteger(number));
    }

    /** The VARCHAR text DuckDB casts to {@link #DUCKDB_TYPE}: one evaluation, and NULL stays a NULL struct. */
    private static String structText(byte[] sixteen) {
        return "{'ipaddress': " + IpAddressText.number(sixteen) + "}";
    }

    private static String fail(String mode, String message) {
        if (mode.equals("safe")) {
            return null;
        }
        throw new RaisedErrors.Raised("INVALID_CAST_ARGUMENT", message);
    }

    /**
     * Whether the CIDR network {@code cidr} ({@code address/bits}) contains the address: IPv4 networks hold IPv4
     * addresses only, IPv6 networks IPv6 addresses only; an IPv4 network's host bits must be zero.
     */
    static Boolean contains(String cidr, String number) {
        int separator = cidr.indexOf('/');
        if (separator < 0) {
            throw RaisedErrors.invalidArgumentError("Invalid CIDR");
        }
        byte[] parsed = IpAddressText.parse(cidr.substring(0, separator));
        if (parsed == null) {
            throw RaisedErrors.invalidArgumentError("Invalid network IP address");
        }
        byte[] base = IpAddressText.javaAddress(parsed);
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(separator + 1));
        } catch (NumberFormatException e) {
            // Trino's Integer.parseInt fails the same way, outside its own argument checks
            throw new RaisedErrors.Raised("GENERIC_INTERNAL_ERROR", e.getMessage());
        }
        if (bits < 0) {
            throw RaisedErrors.invalidArgumentError("Invalid prefix length");
        }
        int length = base.length * Byte.SIZE;
        if (bits > length) {
            throw RaisedErrors.invalidArgumentError("Prefix length exceeds address length");
        }
        BigInteger network = new BigInteger(1, base);
        if (base.length == 4 && !network.equals(network.shiftRight(length - bits).shiftLeft(length - bits))) {
            throw RaisedErrors.invalidArgumentError("Invalid CIDR");
        }
        byte[] address = IpAddressText.javaAddress(bytes(number));
        if (address.length != base.length) {
            return false;
        }
        return new BigInteger(1, address).shiftRight(length - bits).equals(network.shiftRight(length - bits));
    }
}
