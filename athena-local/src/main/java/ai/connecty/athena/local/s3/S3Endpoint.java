package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.auth.AuthenticatedCall;
import ai.connecty.athena.local.auth.Authenticator;
import ai.connecty.athena.local.auth.AwsUriEncoding;
import ai.connecty.athena.local.http.AwsService;
import ai.connecty.athena.local.http.HttpDates;
import ai.connecty.athena.local.http.HttpRequest;
import ai.connecty.athena.local.http.HttpResponse;
import ai.connecty.athena.local.http.ResponseBody;
import ai.connecty.athena.local.http.ServiceEndpoint;
import ai.connecty.athena.local.http.Xml;
import ai.connecty.athena.local.storage.BucketStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * S3's REST-XML protocol over {@link BucketStore}. Authorization follows S3's resource model: object
 * actions on {@code arn:aws:s3:::bucket/key}, bucket actions on {@code arn:aws:s3:::bucket}; and, as in S3,
 * a missing key is reported as 404 only to callers allowed to list the bucket (others get 403).
 */
public final class S3Endpoint implements ServiceEndpoint {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String XML_TYPE = "application/xml";

    private final BucketStore store;
    private final String region;
    private final ObjectMetadata metadata;
    private final MultipartUploads uploads;

    public S3Endpoint(BucketStore store, String region) {
        this.store = store;
        this.region = region;
        this.metadata = new ObjectMetadata(store);
        this.uploads = new MultipartUploads(store.root().resolveSibling("multipart-uploads"));
    }

    @Override
    public AwsService service(HttpRequest request) {
        return AwsService.S3;
    }

    @Override
    public String operation(HttpRequest request) {
        S3Target target = S3Target.of(request);
        return S3Operations.of(request.method(), target.bucket(), target.key(), request.queryParameters(),
                request.header("x-amz-copy-source") != null);
    }

    @Override
    public HttpResponse handle(HttpRequest request, AuthenticatedCall call) {
        S3Target target = S3Target.of(request);
        if (target.bucket() != null && !BucketStore.isValidBucketName(target.bucket())) {
            throw new AwsException(400, "InvalidBucketName", "The specified bucket is not valid.",
                    Map.of("BucketName", target.bucket()));
        }
        String operation = operation(request);
        HttpResponse response = switch (operation) {
            case "ListBuckets" -> listBuckets(call);
            case "GetBucketLocation" -> getBucketLocation(target, call);
            case "ListObjectsV2" -> listObjectsV2(target, request, call);
            case "HeadBucket" -> headBucket(target, call);
            case "CreateBucket" -> createBucket(target, call);
            case "GetObject", "HeadObject" -> getObject(target, request, call);
            case "PutObject" -> putObject(target, request, call);
            case "DeleteObject" -> deleteObject(target, call);
            case "CreateMultipartUpload" -> createMultipartUpload(target, request, call);
            case "UploadPart" -> uploadPart(target, request, call);
            case "CompleteMultipartUpload" -> completeMultipartUpload(target, request, call);
            case "AbortMultipartUpload" -> abortMultipartUpload(target, request, call);
            case "DeleteObjects" -> deleteObjects(target, request, call);
            default -> throw new AwsException(501, "NotImplemented", "athena-local does not implement "
                    + operation + "; it supports GetObject, HeadObject, PutObject, DeleteObject, "
                    + "ListObjectsV2, GetBucketLocation, HeadBucket, CreateBucket, ListBuckets, DeleteObjects and multipart uploads "
                    + "(CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload)");
        };
        return response.header("x-amz-request-id", request.requestId());
    }

    private HttpResponse listBuckets(AuthenticatedCall call) {
        call.authorize("s3:ListAllMyBuckets", "arn:aws:s3:::*");
        StringBuilder xml = new StringBuilder(Xml.DECLARATION)
                .append("<ListAllMyBucketsResult xmlns=\"").append(NAMESPACE).append("\"><Buckets>");
        for (String bucket : store.buckets()) {
            java.time.Instant created = modified(store.root().resolve(bucket));
            xml.append("<Bucket>").append(Xml.element("Name", bucket))
                    .append(Xml.element("CreationDate", HttpDates.isoMillis(created))).append("</Bucket>");
        }
        xml.append("</Buckets><Owner>").append(Xml.element("ID", call.accountId()))
                .append("</Owner></ListAllMyBucketsResult>");
        return HttpResponse.text(200, XML_TYPE, xml.toString());
    }

    private HttpResponse getBucketLocation(S3Target target, AuthenticatedCall call) {
        call.authorize("s3:GetBucketLocation", target.bucketArn());
        requireBucket(target);
        String constraint = region.equals("us-east-1") ? "" : Xml.escape(region);
        return HttpResponse.text(200, XML_TYPE, Xml.DECLARATION + "<LocationConstraint xmlns=\"" + NAMESPACE + "\">"
                + constraint + "</LocationConstraint>");
    }

    private HttpResponse headBucket(S3Target target, AuthenticatedCall call) {
        call.authorize("s3:ListBucket", target.bucketArn());
        requireBucket(target);
        return HttpResponse.empty(200).header("x-amz-bucket-region", region);
    }

    private HttpResponse createBucket(S3Target target, AuthenticatedCall call) {
        call.authorize("s3:CreateBucket", target.bucketArn());
        if (store.bucketExists(target.bucket())) {
            throw new AwsException(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named "
                    + "bucket succeeded and you already own it.", Map.of("BucketName", target.bucket()));
        }
        store.createBucket(target.bucket());
        return HttpResponse.empty(200).header("Location", "/" + target.bucket());
    }

    private HttpResponse listObjectsV2(S3Target target, HttpRequest request, AuthenticatedCall call) {
        call.authorize("s3:ListBucket", target.bucketArn());
        requireBucket(target);
        Map<String, String> q = request.queryParameters();
        String prefix = q.getOrDefault("prefix", "");
        String delimiter = q.get("delimiter");
        int maxKeys = maxKeys(q.get("max-keys"));
        boolean urlEncoded = "url".equals(q.get("encoding-type"));
        UnaryOperator<String> enc = urlEncoded ? AwsUriEncoding::encodeKeepingSlashes : UnaryOperator.identity();
        ObjectListing page = ObjectListing.page(store.list(target.bucket(), prefix), prefix, delimiter,
                q.get("continuation-token"), q.get("start-after"), maxKeys);
        StringBuilder xml = new StringBuilder(Xml.DECLARATION)
                .append("<ListBucketResult xmlns=\"").append(NAMESPACE).append("\">")
                .append(Xml.element("Name", target.bucket()))
                .append(Xml.element("Prefix", enc.apply(prefix)));
        if (delimiter != null) {
            xml.append(Xml.element("Delimiter", enc.apply(delimiter)));
        }
        xml.append(Xml.element("MaxKeys", maxKeys));
        if (urlEncoded) {
            xml.append(Xml.element("EncodingType", "url"));
        }
        xml.append(Xml.element("KeyCount", page.keys().size() + page.commonPrefixes().size()))
                .append(Xml.element("IsTruncated", page.truncated()));
        Optional.ofNullable(q.get("continuation-token")).ifPresent(t -> xml.append(Xml.element("ContinuationToken", t)));
        Optional.ofNullable(page.nextToken()).ifPresent(t -> xml.append(Xml.element("NextContinuationToken", t)));
        Optional.ofNullable(q.get("start-after")).ifPresent(s -> xml.append(Xml.element("StartAfter", enc.apply(s))));
        for (String key : page.keys()) {
            ObjectMetadata.Info info = metadata.read(store.path(target.bucket(), key));
            xml.append("<Contents>").append(Xml.element("Key", enc.apply(key)))
                    .append(Xml.element("LastModified", HttpDates.isoMillis(info.lastModified())))
                    .append(Xml.element("ETag", info.etag()))
                    .append(Xml.element("Size", info.size()))
                    .append(Xml.element("StorageClass", "STANDARD")).append("</Contents>");
        }
        for (String commonPrefix : page.commonPrefixes()) {
            xml.append("<CommonPrefixes>").append(Xml.element("Prefix", enc.apply(commonPrefix))).append("</CommonPrefixes>");
        }
        xml.append("</ListBucketResult>");
        return HttpResponse.text(200, XML_TYPE, xml.toString());
    }

    private HttpResponse getObject(S3Target target, HttpRequest request, AuthenticatedCall call) {
        call.authorize("s3:GetObject", target.objectArn());
        requireBucket(target);
        Path file = objectPath(target);
        if (!Files.isRegularFile(file)) {
            throw call.isAllowed("s3:ListBucket", target.bucketArn())
                    ? new AwsException(404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", target.key()))
                    : call.accessDenied("s3:GetObject", target.objectArn());
        }
        ObjectMetadata.Info info = metadata.read(file);
        if (!Preconditions.check(request, info.etag(), info.lastModified())) {
            // 304 Not Modified: no body, the validators the client compared.
            return HttpResponse.empty(304)
                    .header("ETag", info.etag())
                    .header("Last-Modified", HttpDates.http(info.lastModified()));
        }
        Optional<ByteRange> range = ByteRange.parse(request.header("range"), info.size());
        HttpResponse response = range
                .map(r -> new HttpResponse(206, ResponseBody.fileRange(file, r.first(), r.length()))
                        .header("Content-Range", r.contentRange()))
                .orElseGet(() -> new HttpResponse(200, ResponseBody.fileRange(file, 0, info.size())));
        return response.header("Content-Type", info.contentType())
                .header("ETag", info.etag())
                .header("Last-Modified", HttpDates.http(info.lastModified()))
                .header("Accept-Ranges", "bytes");
    }

    private HttpResponse putObject(S3Target target, HttpRequest request, AuthenticatedCall call) {
        call.authorize("s3:PutObject", target.objectArn());
        requireBucket(target);
        byte[] content = verifiedBody(request);
        if (target.key().endsWith("/")) {
            return folderMarker(target, content);
        }
        Path file = objectPath(target);
        Preconditions.checkWrite(request, () -> Files.isRegularFile(file) ? metadata.read(file).etag() : null,
                target.key());
        store.put(target.bucket(), target.key(), content);
        metadata.remember(file, request.header("content-type"));
        return HttpResponse.empty(200)
                .header("ETag", "\"" + HexFormat.of().formatHex(ChecksumVerifier.digest("MD5", content)) + "\"");
    }

    private HttpResponse createMultipartUpload(S3Target target, HttpRequest request, AuthenticatedCall call) {
        call.authorize("s3:PutObject", target.objectArn());
        requireBucket(target);
        objectPath(target);
        String id = uploads.create(target.bucket(), target.key(), request.header("content-type"));
        return HttpResponse.text(200, XML_TYPE, Xml.DECLARATION + "<InitiateMultipartUploadResult xmlns=\"" + NAMESPACE
                + "\">" + Xml.element("Bucket", target.bucket()) + Xml.element("Key", target.key())
                + Xml.element("UploadId", id) + "</InitiateMultipartUploadResult>");
    }

    private HttpResponse uploadPart(S3Target target, HttpRequest request, AuthenticatedCall call) {
        call.authorize("s3:PutObject", target.objectArn());
        requireBucket(target);
        Map<String, String> q = request.queryParameters();
        String etag = uploads.putPart(q.get("uploadId"), target.bucket(), target.key(), q.get("partNumber"),
                verifiedBody(request));
        return HttpResponse.empty(200).header("ETag", etag);
    }

    private HttpResponse completeMultipartUpload(S3Target target, HttpRequest request, AuthenticatedCall call) {
        call.authorize("s3:PutObject", target.objectArn());
        requireBucket(target);
        Path file = objectPath(target);
        MultipartUploads.Completed done = uploads.complete(request.queryParameters().get("uploadId"), target.bucket(),
                target.key(), new String(request.body(), java.nio.charset.StandardCharsets.UTF_8), file);
        metadata.remember(file, done.contentType());
        metadata.rememberEtag(file, done.etag());
        return HttpResponse.text(200, XML_TYPE, Xml.DECLARATION + "<CompleteMultipartUploadResult xmlns=\"" + NAMESPACE
                + "\">" + Xml.element("Location", "/" + target.bucket() + "/" + target.key())
                + Xml.element("Bucket", target.bucket()) + Xml.element("Key", target.key())
                + Xml.element("ETag", done.etag()) + "</CompleteMultipartUploadResult>");
    }

    private HttpResponse abortMultipartUpload(S3Target target, HttpRequest request, AuthenticatedCall call) {
        call.authorize("s3:AbortMultipartUpload", target.objectArn());
        requireBucket(target);
        uploads.abort(request.queryParameters().get("uploadId"), target.bucket(), target.key());
        return HttpResponse.empty(204);
    }

    private static final java.util.regex.Pattern DELETE_KEY = java.util.regex.Pattern.compile(
            "<Object>.*?<Key>(.*?)</Key>.*?</Object>", java.util.regex.Pattern.DOTALL);

    /**
     * DeleteObjects ({@code aws s3 rm --recursive}, boto3's batch delete): each key is authorized and deleted on
     * its own, as S3 does; a denied key is reported in the result instead of failing the request.
     */
    private HttpResponse deleteObjects(S3Target target, HttpRequest request, AuthenticatedCall call) {
        requireBucket(target);
        String body = new String(verifiedBody(request), java.nio.charset.StandardCharsets.UTF_8);
        boolean quiet = body.matches("(?s).*<Quiet>\\s*true\\s*</Quiet>.*");
        java.util.regex.Matcher m = DELETE_KEY.matcher(body);
        StringBuilder xml = new StringBuilder(Xml.DECLARATION).append("<DeleteResult xmlns=\"").append(NAMESPACE)
                .append("\">");
        int keys = 0;
        while (m.find()) {
            keys++;
            String key = unescapeXml(m.group(1));
            S3Target object = new S3Target(target.bucket(), key);
            if (!call.isAllowed("s3:DeleteObject", object.objectArn())) {
                xml.append("<Error>").append(Xml.element("Key", key)).append(Xml.element("Code", "AccessDenied"))
                        .append(Xml.element("Message", "Access Denied")).append("</Error>");
                continue;
            }
            try {
                Path file = objectPath(object);
                if (store.delete(target.bucket(), key)) {
                    metadata.forget(file);
                }
            } catch (AwsException e) {
                xml.append("<Error>").append(Xml.element("Key", key)).append(Xml.element("Code", e.code()))
                        .append(Xml.element("Message", e.getMessage())).append("</Error>");
                continue;
            }
            if (!quiet) {
                xml.append("<Deleted>").append(Xml.element("Key", key)).append("</Deleted>");
            }
        }
        if (keys == 0 || keys > 1000) {
            throw new AwsException(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                    + "against our published schema (DeleteObjects takes 1 to 1000 keys)");
        }
        return HttpResponse.text(200, XML_TYPE, xml.append("</DeleteResult>").toString());
    }

    /** XML text content: the five predefined entities and numeric character references. */
    private static String unescapeXml(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|quot|apos|amp);")
                .matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "amp" -> "&";
                default -> new String(Character.toChars(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** The request body with aws-chunked framing removed, after its SHA-256, MD5 and checksum headers matched. */
    private static byte[] verifiedBody(HttpRequest request) {
        byte[] content = request.body();
        Map<String, String> checksums = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-checksum-")) {
                checksums.put(name, values.get(0));
            }
        });
        String contentSha256 = request.header("x-amz-content-sha256");
        if (AwsChunkedBody.applies(request.header("content-encoding"), contentSha256)) {
            AwsChunkedBody chunked = AwsChunkedBody.decode(content);
            content = chunked.content();
            checksums.putAll(chunked.trailers());
            String declared = request.header("x-amz-decoded-content-length");
            if (declared != null && !declared.equals(Long.toString(content.length))) {
                throw new AwsException(400, "IncompleteBody", "The request body holds " + content.length
                        + " bytes but x-amz-decoded-content-length says " + declared);
            }
        } else if (contentSha256 != null && contentSha256.matches("[0-9a-f]{64}")
                && !contentSha256.equals(Authenticator.hex(Authenticator.sha256(content)))) {
            throw new AwsException(400, "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        ChecksumVerifier.verify(content, request.header("content-md5"), checksums);
        return content;
    }

    /**
     * Keys ending in '/' are folder markers that consoles and tools create; a folder is all a file system
     * can hold there, so an empty marker becomes a directory and a non-empty one is refused.
     */
    private HttpResponse folderMarker(S3Target target, byte[] content) {
        if (content.length > 0) {
            throw new AwsException(400, "InvalidArgument", "athena-local stores objects as files, so a key ending "
                    + "in '/' can only be an empty folder marker: " + target.key(), Map.of("Key", target.key()));
        }
        try {
            // objectPath, like every other object operation: a marker key with '..' must not leave the bucket.
            Files.createDirectories(objectPath(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.empty(200).header("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
    }

    private HttpResponse deleteObject(S3Target target, AuthenticatedCall call) {
        call.authorize("s3:DeleteObject", target.objectArn());
        requireBucket(target);
        Path file = objectPath(target);
        if (store.delete(target.bucket(), target.key())) {
            metadata.forget(file);
        }
        return HttpResponse.empty(204);
    }

    private Path objectPath(S3Target target) {
        try {
            return store.path(target.bucket(), target.key());
        } catch (IllegalArgumentException e) {
            throw new AwsException(400, "InvalidArgument", "athena-local refuses keys that would leave the bucket "
                    + "folder ('..' segments or an empty key): " + target.key(), Map.of("Key", target.key()));
        }
    }

    private void requireBucket(S3Target target) {
        if (!store.bucketExists(target.bucket())) {
            throw new AwsException(404, "NoSuchBucket", "The specified bucket does not exist",
                    Map.of("BucketName", target.bucket()));
        }
    }

    private static int maxKeys(String value) {
        if (value == null) {
            return ObjectListing.MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return Math.min(n, ObjectListing.MAX_KEYS);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AwsException(400, "InvalidArgument", "max-keys must be a non-negative integer, got '" + value + "'");
    }

    private static java.time.Instant modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public HttpResponse render(AwsException error, HttpRequest request) {
        StringBuilder xml = new StringBuilder(Xml.DECLARATION).append("<Error>")
                .append(Xml.element("Code", error.code()))
                .append(Xml.element("Message", error.getMessage() == null ? "" : error.getMessage()));
        error.extra().forEach((name, value) -> xml.append(Xml.element(name, value)));
        xml.append(Xml.element("RequestId", request.requestId()))
                .append(Xml.element("HostId", request.requestId())).append("</Error>");
        HttpResponse response = HttpResponse.text(error.status(), XML_TYPE, xml.toString())
                .header("x-amz-request-id", request.requestId());
        String size = error.extra().get("ActualObjectSize");
        if (error.status() == 416 && size != null) {
            response.header("Content-Range", "bytes */" + size);
        }
        return response;
    }
}
