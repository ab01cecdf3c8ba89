/**
 * SQLStates and the translation of Athena and SDK failures into {@code SQLException}s. Catch {@link
 * java.sql.SQLException} and read its SQLState and error code rather than testing for the classes here.
 *
 * <p><b>Internal.</b> No part of the driver's public API: the classes here may change or go in any release,
 * without notice. The public API is the root package {@code ai.connecty.athena.jdbc} (see its
 * {@code package-info}) and the {@code java.sql} interfaces.
 */
package ai.connecty.athena.jdbc.errors;
