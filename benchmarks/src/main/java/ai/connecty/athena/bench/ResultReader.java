package ai.connecty.athena.bench;

/** One way of reading every value of a query's result, opened once and then timed run after run. */
interface ResultReader extends AutoCloseable {

    /** Runs {@code sql}, reads every value of every row, and returns the number of rows. */
    long readAll(String sql) throws Exception;
}
