package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.api.AwsException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A single {@code Range: bytes=...} request resolved against an object size (inclusive bounds). */
record ByteRange(long first, long last, long size) {

    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    /**
     * Empty when the header is absent or not a single byte range (then S3, like HTTP, sends the whole object);
     * throws InvalidRange (416) when the range cannot be satisfied.
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw invalid(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size) {
                throw invalid(size);
            }
            if (last < first) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(first, last, size));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    long length() {
        return last - first + 1;
    }

    String contentRange() {
        return "bytes " + first + "-" + last + "/" + size;
    }

    private static AwsException invalid(long size) {
        return new AwsException(416, "InvalidRange", "The requested range is not satisfiable",
                Map.of("ActualObjectSize", Long.toString(size)));
    }
}
