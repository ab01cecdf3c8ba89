/**
 * Athena's type model and the conversions of its text to Java values, including the {@link java.sql.Array} and
 * {@link java.sql.Struct} implementations: program to those interfaces ({@code getArray}, {@code getObject(i,
 * Map.class)}), not to the classes here.
 *
 * <p><b>Internal.</b> No part of the driver's public API: the classes here may change or go in any release,
 * without notice. The public API is the root package {@code ai.connecty.athena.jdbc} (see its
 * {@code package-info}) and the {@code java.sql} interfaces.
 */
package ai.connecty.athena.jdbc.types;
