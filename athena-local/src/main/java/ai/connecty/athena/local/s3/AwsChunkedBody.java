package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.api.AwsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A decoded {@code Content-Encoding: aws-chunked} upload: {@code <hex-size>[;chunk-signature=<sig>]\r\n<bytes>\r\n}
 * repeated, a zero-size chunk, then optional trailers ({@code x-amz-checksum-crc32:<b64>\r\n}) and a blank
 * line. Chunk and trailer signatures are not checked: the request signature already identifies the caller.
 */
record AwsChunkedBody(byte[] content, Map<String, String> trailers) {

    private static final Pattern HEX_SIZE = Pattern.compile("[0-9a-fA-F]+");

    static boolean applies(String contentEncoding, String contentSha256) {
        return contentEncoding != null && contentEncoding.toLowerCase(Locale.ROOT).contains("aws-chunked")
                || contentSha256 != null && contentSha256.startsWith("STREAMING-");
    }

    static AwsChunkedBody decode(byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length);
        int pos = 0;
        while (true) {
            int eol = lineEnd(body, pos);
            String header = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            long size;
            try {
                // Hex digits only: Long.parseLong also takes a sign, and a negative size would fail as an index error.
                if (!HEX_SIZE.matcher(hex).matches()) {
                    throw new NumberFormatException(hex);
                }
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw malformed("chunk header '" + abbreviate(header) + "' does not start with a hex size");
            }
            pos = eol + 2;
            if (size == 0) {
                break;
            }
            if (size > body.length - pos) {
                throw malformed("chunk of " + size + " bytes is longer than the rest of the body");
            }
            content.write(body, pos, (int) size);
            pos += (int) size;
            if (pos + 2 > body.length || body[pos] != '\r' || body[pos + 1] != '\n') {
                throw malformed("chunk data is not followed by CRLF");
            }
            pos += 2;
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        while (pos < body.length) {
            int eol = lineEnd(body, pos);
            String line = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
            pos = eol + 2;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw malformed("trailer line without ':'");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("x-amz-trailer-signature")) {
                trailers.put(name, line.substring(colon + 1).trim());
            }
        }
        return new AwsChunkedBody(content.toByteArray(), Map.copyOf(trailers));
    }

    private static int lineEnd(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw malformed("line without CRLF at byte " + from);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static AwsException malformed(String detail) {
        return new AwsException(400, "IncompleteBody", "Malformed aws-chunked request body: " + detail);
    }
}
