/**
 * The slice of S3 that Athena clients need, over folders ({@link ai.connecty.athena.local.storage.BucketStore}):
 * GetObject (with ranges), HeadObject, PutObject (including aws-chunked bodies), DeleteObject, ListObjectsV2,
 * GetBucketLocation, HeadBucket, ListBuckets and CreateBucket, with path-style and virtual-hosted addressing.
 */
package ai.connecty.athena.local.s3;
