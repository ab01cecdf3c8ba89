/**
 * The shared {@link java.sql.ResultSet} base (every getter) and {@link java.sql.ResultSetMetaData}. Program to the
 * {@code java.sql} interfaces, or unwrap {@code AthenaResultSet}.
 *
 * <p><b>Internal.</b> No part of the driver's public API: the classes here may change or go in any release,
 * without notice. The public API is the root package {@code ai.connecty.athena.jdbc} (see its
 * {@code package-info}) and the {@code java.sql} interfaces.
 */
package ai.connecty.athena.jdbc.results;
