/**
 * {@link java.sql.DatabaseMetaData} over Glue and Athena's catalog calls, with the per-connection cache. Program
 * to {@code java.sql.DatabaseMetaData}; {@code AthenaConnection.clearMetadataCache()} empties the cache.
 *
 * <p><b>Internal.</b> No part of the driver's public API: the classes here may change or go in any release,
 * without notice. The public API is the root package {@code ai.connecty.athena.jdbc} (see its
 * {@code package-info}) and the {@code java.sql} interfaces.
 */
package ai.connecty.athena.jdbc.metadata;
