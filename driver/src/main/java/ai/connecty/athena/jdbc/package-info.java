/**
 * The public API of the Connecty Athena JDBC driver, and all of it: {@link ai.connecty.athena.jdbc.AthenaDriver}
 * (loaded by {@code DriverManager} from {@code META-INF/services}), {@link ai.connecty.athena.jdbc.AthenaDataSource},
 * the {@code java.sql} implementations {@link ai.connecty.athena.jdbc.AthenaConnection},
 * {@link ai.connecty.athena.jdbc.AthenaStatement}, {@link ai.connecty.athena.jdbc.AthenaPreparedStatement} and
 * {@link ai.connecty.athena.jdbc.AthenaResultSet}, and {@link ai.connecty.athena.jdbc.QueryStatistics}.
 *
 * <p>Program to the {@code java.sql} interfaces; unwrap to these classes only for what JDBC has no method for:
 * {@code unwrap(AthenaStatement.class)} or {@code unwrap(AthenaResultSet.class)} for
 * {@code getQueryExecutionId()} and {@code getQueryStatistics()}, {@code AthenaResultSet.getResultTransport()},
 * and {@code unwrap(AthenaConnection.class).clearMetadataCache()}. No public signature here names a type of
 * another package of the driver.
 *
 * <p>Every other package ({@code auth}, {@code aws}, {@code config}, {@code doctor}, {@code errors},
 * {@code execution}, {@code logging}, {@code metadata}, {@code parameters}, {@code results}, {@code rows},
 * {@code types}) is internal and may change in any release. Some of their classes reach users as
 * {@code java.sql} objects ({@code DatabaseMetaData}, {@code ParameterMetaData}, {@code Array}, {@code Struct},
 * {@code ResultSetMetaData}, {@code SQLException} subclasses): use them through those interfaces.
 */
package ai.connecty.athena.jdbc;
