package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.http.HttpRequest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The conditional headers of GetObject and HeadObject, evaluated in the order S3 documents (RFC 7232, section 6):
 * <ol>
 * <li>{@code If-Match} present: an ETag other than the object's fails with 412; when it holds,
 * {@code If-Unmodified-Since} is not looked at (S3: If-Match true and If-Unmodified-Since false answer 200).</li>
 * <li>otherwise {@code If-Unmodified-Since}: an object modified after that date fails with 412.</li>
 * <li>{@code If-None-Match} present: the object's ETag (or {@code *}) answers 304 Not Modified; when it holds,
 * {@code If-Modified-Since} is not looked at.</li>
 * <li>otherwise {@code If-Modified-Since}: an object not modified after that date answers 304.</li>
 * </ol>
 * Dates compare at whole seconds, the precision of {@code Last-Modified}; a date that does not parse is ignored.
 * PutObject's conditional writes are {@link #checkWrite}.
 */
final class Preconditions {

    private static final String FAILED = "At least one of the pre-conditions you specified did not hold";

    private Preconditions() {
    }

    /**
     * @return true when the object is to be sent, false for 304 Not Modified
     * @throws AwsException 412 PreconditionFailed naming the failed condition
     */
    static boolean check(HttpRequest request, String etag, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        String ifMatch = request.header("if-match");
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                // As S3: a reader resuming a download learns that the object changed instead of mixing two versions.
                throw failed("If-Match");
            }
        } else {
            Optional<Instant> unmodifiedSince = date(request.header("if-unmodified-since"));
            if (unmodifiedSince.isPresent() && modified.isAfter(unmodifiedSince.get())) {
                throw failed("If-Unmodified-Since");
            }
        }
        String ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch != null) {
            return !matches(ifNoneMatch, etag);
        }
        Optional<Instant> modifiedSince = date(request.header("if-modified-since"));
        return modifiedSince.isEmpty() || modified.isAfter(modifiedSince.get());
    }

    /**
     * The conditional writes of PutObject, as the S3 User Guide ("How to prevent object overwrites with conditional
     * writes") describes them: {@code If-None-Match} ({@code *}) fails with 412 when the key has an object,
     * {@code If-Match} fails with 412 when the object's ETag is another and with 404 NoSuchKey when there is no object.
     *
     * @param currentEtag the current object's ETag, null when the key has none; asked only for a conditional write
     *                    (an ETag not yet known is the MD5 of the whole file)
     */
    static void checkWrite(HttpRequest request, Supplier<String> currentEtag, String key) {
        String ifMatch = request.header("if-match");
        String ifNoneMatch = request.header("if-none-match");
        if (ifMatch == null && ifNoneMatch == null) {
            return;
        }
        String etag = currentEtag.get();
        if (ifMatch != null) {
            if (etag == null) {
                throw new AwsException(404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", key));
            }
            if (!matches(ifMatch, etag)) {
                throw failed("If-Match");
            }
        }
        if (ifNoneMatch != null && etag != null && matches(ifNoneMatch, etag)) {
            throw failed("If-None-Match");
        }
    }

    /** Whether a list of entity tags ({@code "a", W/"b"} or {@code *}) names {@code etag}, quoted or not. */
    private static boolean matches(String header, String etag) {
        String bare = unquote(etag);
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (unquote(t).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }

    /** An HTTP date (IMF-fixdate, day zero-padded or not); empty when absent or not a date. */
    private static Optional<Instant> date(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static AwsException failed(String condition) {
        return new AwsException(412, "PreconditionFailed", FAILED, Map.of("Condition", condition));
    }
}
