package ai.connecty.athena.local.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of Trino's IPADDRESS: the 16 bytes it holds (an IPv4 address as IPv4-mapped IPv6, {@code ::ffff:a.b.c.d})
 * read from and written as Trino does with Guava's {@code InetAddresses}. Parsed here rather than by
 * {@link java.net.InetAddress}, which looks up any text that is no address in the DNS and accepts IPv4 forms Trino
 * refuses ({@code 10.1}, {@code 010.0.0.1}): only a literal address is accepted, and nothing leaves the machine.
 */
final class IpAddressText {

    static final int BYTES = 16;

    private IpAddressText() {
    }

    /**
     * The 16 bytes of an address written as Trino's cast reads it: IPv4 as four decimal octets (no leading zeros, no
     * shorter forms), IPv6 as up to eight hex groups with at most one {@code ::} standing for at least one zero group
     * and optionally a dotted IPv4 address as its last 32 bits; null when {@code text} is no such address.
     */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        byte[] v4 = ipv4(text);
        return v4 == null ? null : mapped(v4);
    }

    /** The 4 bytes of an address that is IPv4 (also as IPv4-mapped IPv6), else the 16; what Java's InetAddress holds. */
    static byte[] javaAddress(byte[] sixteen) {
        return isMappedIpv4(sixteen) ? java.util.Arrays.copyOfRange(sixteen, 12, 16) : sixteen;
    }

    /** An IPv4 address as IPv4-mapped IPv6, Trino's storage of it. */
    static byte[] mapped(byte[] four) {
        byte[] bytes = new byte[BYTES];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(four, 0, bytes, 12, 4);
        return bytes;
    }

    /**
     * Trino's text: an IPv4-mapped address dotted ({@code 10.0.0.1}), any other in RFC 5952's form: lower-case groups
     * without leading zeros, the longest run of two or more zero groups (the first of equal runs) as {@code ::}.
     */
    static String format(byte[] sixteen) {
        if (isMappedIpv4(sixteen)) {
            return (sixteen[12] & 0xff) + "." + (sixteen[13] & 0xff) + "." + (sixteen[14] & 0xff) + "."
                    + (sixteen[15] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((sixteen[2 * i] & 0xff) << 8) | (sixteen[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** The 16 bytes as an unsigned number (DuckDB's UHUGEINT holds them, so that it orders them as Trino does). */
    static BigInteger number(byte[] sixteen) {
        return new BigInteger(1, sixteen);
    }

    /** The 16 bytes of an unsigned number below 2^128. */
    static byte[] bytes(BigInteger number) {
        byte[] magnitude = number.toByteArray();
        byte[] sixteen = new byte[BYTES];
        int copied = Math.min(magnitude.length, BYTES);
        System.arraycopy(magnitude, magnitude.length - copied, sixteen, BYTES - copied, copied);
        return sixteen;
    }

    private static boolean isMappedIpv4(byte[] sixteen) {
        for (int i = 0; i < 10; i++) {
            if (sixteen[i] != 0) {
                return false;
            }
        }
        return sixteen[10] == (byte) 0xff && sixteen[11] == (byte) 0xff;
    }

    /** Four decimal octets 0-255 of one to three digits, a leading zero only in {@code 0} itself. */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] ipv6(String text) {
        String hex = text;
        byte[] embedded = null;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0) {
            // a dotted IPv4 address as the last two groups
            embedded = ipv4(text.substring(lastColon + 1));
            if (embedded == null) {
                return null;
            }
            hex = text.substring(0, lastColon + 1) + "0:0";
        }
        int skip = hex.indexOf("::");
        if (skip >= 0 && hex.indexOf("::", skip + 1) >= 0) {
            return null;
        }
        List<Integer> head = skip >= 0 ? groups(hex.substring(0, skip)) : groups(hex);
        List<Integer> tail = skip >= 0 ? groups(hex.substring(skip + 2)) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int written = head.size() + tail.size();
        if (skip >= 0 ? written > 7 : written != 8) {
            return null;
        }
        byte[] bytes = new byte[BYTES];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        if (embedded != null) {
            System.arraycopy(embedded, 0, bytes, 12, 4);
        }
        return bytes;
    }

    /** The hex groups of a colon-separated run ({@code ""} is none), or null if any is empty or no 1-4 hex digits. */
    private static List<Integer> groups(String run) {
        List<Integer> groups = new ArrayList<>();
        if (run.isEmpty()) {
            return groups;
        }
        for (String group : run.split(":", -1)) {
            if (group.isEmpty() || group.length() > 4) {
                return null;
            }
            int value = 0;
            for (int i = 0; i < group.length(); i++) {
                int digit = Character.digit(group.charAt(i), 16);
                if (digit < 0 || group.charAt(i) > 'f') {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups.add(value);
        }
        return groups;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }
}
