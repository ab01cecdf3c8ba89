/**
 * What prepared statements need: placeholders, literals, {@link java.sql.ParameterMetaData} and JDBC escape
 * translation.
 *
 * <p><b>Internal.</b> No part of the driver's public API: the classes here may change or go in any release,
 * without notice. The public API is the root package {@code ai.connecty.athena.jdbc} (see its
 * {@code package-info}) and the {@code java.sql} interfaces.
 */
package ai.connecty.athena.jdbc.parameters;
