package ai.connecty.athena.local.s3;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.storage.KeyOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One page of ListObjectsV2: keys after the start point, rolled up into common prefixes at the delimiter,
 * keys and prefixes counted together against max-keys, as S3 does. The continuation token is the last
 * entry returned, encoded, so paging is stable while objects are added.
 */
record ObjectListing(List<String> keys, List<String> commonPrefixes, boolean truncated, String nextToken) {

    static final int MAX_KEYS = 1000;

    static ObjectListing page(List<String> sortedKeys, String prefix, String delimiter, String continuationToken,
                              String startAfter, int maxKeys) {
        if (maxKeys == 0) {
            // As AWS answers max-keys=0: nothing, not truncated, no token (there is no last entry to resume after).
            return new ObjectListing(List.of(), List.of(), false, null);
        }
        String after = continuationToken != null ? decodeToken(continuationToken) : startAfter;
        List<String> keys = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastEntry = null;
        String lastPrefix = null;
        int count = 0;
        for (String key : sortedKeys) {
            if (after != null && !after.isEmpty() && KeyOrder.UTF8.compare(key, after) <= 0) {
                continue;
            }
            String commonPrefix = commonPrefix(key, prefix, delimiter);
            if (commonPrefix != null && (commonPrefix.equals(lastPrefix) || commonPrefix.equals(after))) {
                continue;
            }
            if (count == maxKeys) {
                return new ObjectListing(keys, prefixes, true, encodeToken(lastEntry));
            }
            if (commonPrefix != null) {
                prefixes.add(commonPrefix);
                lastPrefix = commonPrefix;
                lastEntry = commonPrefix;
            } else {
                keys.add(key);
                lastEntry = key;
            }
            count++;
        }
        return new ObjectListing(keys, prefixes, false, null);
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static String encodeToken(String lastEntry) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEntry.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException(400, "InvalidArgument", "The continuation token provided is incorrect");
        }
    }
}
