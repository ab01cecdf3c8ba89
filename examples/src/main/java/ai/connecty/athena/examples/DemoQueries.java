package ai.connecty.athena.examples;

import java.util.List;

/** The queries of the demo tour: each shows one thing a Connecty user does with Athena. */
final class DemoQueries {

    /** A titled query. */
    record DemoQuery(String title, String sql) {
    }

    private DemoQueries() {
    }

    /** Runs on any Athena: literals only. */
    static final DemoQuery NESTED_LITERALS = new DemoQuery("Nested types from literals (works on any Athena)", """
            SELECT ARRAY[1, 2, 3] AS numbers,
                   MAP(ARRAY['a', 'b'], ARRAY[1, 2]) AS counters,
                   CAST(ROW(42, 'answer') AS ROW(id INTEGER, label VARCHAR)) AS pair,
                   DATE '2024-02-29' AS leap_day,
                   CAST(NULL AS VARCHAR) AS nothing""");

    /** Need the demo data set of athena-local (database {@code demo}). */
    static final List<DemoQuery> DEMO_DATA = List.of(
            new DemoQuery("Revenue by product in 2024 (a Parquet table partitioned by year and month)", """
                    SELECT product, count(*) AS sales, sum(quantity) AS units, sum(amount) AS revenue
                    FROM demo.sales
                    WHERE year = 2024
                    GROUP BY product
                    ORDER BY revenue DESC, product"""),
            new DemoQuery("Best customers (a view joined with a CSV table)", """
                    SELECT v.customer_id, v.name, c.country, v.sales, v.total_amount
                    FROM demo.sales_by_customer v
                    JOIN demo.customers c ON c.id = v.customer_id
                    ORDER BY v.total_amount DESC, v.customer_id
                    LIMIT 5"""),
            new DemoQuery("Nested JSON: UNNEST an array, read a map key and struct fields", """
                    SELECT e.event_id, e.event_type, t.tag, e.counters['a'] AS counter_a,
                           e.context.user_id AS user_id, e.context.device AS device
                    FROM demo.events e
                    CROSS JOIN UNNEST(e.tags) AS t(tag)
                    WHERE e.event_id < 3
                    ORDER BY e.event_id, t.tag"""),
            new DemoQuery("Every Athena type, NULL and the empty string (demo.all_types)", """
                    SELECT c_int, c_decimal, c_double, c_string, c_date, c_timestamp, c_array, c_map, c_struct
                    FROM demo.all_types
                    ORDER BY c_int NULLS LAST"""));
}
