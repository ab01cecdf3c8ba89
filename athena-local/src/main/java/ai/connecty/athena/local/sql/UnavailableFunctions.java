package ai.connecty.athena.local.sql;

import java.util.Set;

/**
 * Athena functions athena-local cannot run: DuckDB has no equivalent (geospatial, Bing tiles, sketches such as
 * HyperLogLog, qdigest, tdigest and set digests, histograms, colour rendering), or one whose results differ from
 * Trino's. A call fails before it runs with NOT_SUPPORTED naming the function, so it never reads as a typo
 * (FUNCTION_NOT_FOUND stays for names Athena does not have either). Listed in athena-local/SQL-GAPS.md.
 */
final class UnavailableFunctions {

    /** Every geospatial function name starts with {@code st_}. */
    private static final String GEOSPATIAL_PREFIX = "st_";

    private static final Set<String> NAMES = Set.of(
            // geospatial, beyond ST_*
            "bing_tile", "bing_tile_at", "bing_tile_coordinates", "bing_tile_polygon", "bing_tile_quadkey",
            "bing_tile_zoom_level", "bing_tiles_around", "convex_hull_agg", "from_encoded_polyline",
            "from_geojson_geometry", "geometry_from_hadoop_shape", "geometry_invalid_reason", "geometry_nearest_points",
            "geometry_to_bing_tiles", "geometry_union", "geometry_union_agg", "great_circle_distance",
            "line_interpolate_point", "line_interpolate_points", "line_locate_point", "simplify_geometry",
            "spatial_partitions", "to_encoded_polyline", "to_geojson_geometry", "to_geometry", "to_spherical_geography",
            // HyperLogLog
            "approx_set", "empty_approx_set", "merge",
            // quantile digests and t-digests
            "qdigest_agg", "tdigest_agg", "value_at_quantile", "values_at_quantiles", "quantile_at_value",
            "quantiles_at_values", "scale_qdigest", "scale_tdigest", "truncate_tdigest",
            // set digests
            "make_set_digest", "merge_set_digest", "intersection_cardinality", "jaccard_index", "hash_counts",
            // histograms and frequency sketches
            "numeric_histogram", "approx_most_frequent",
            // colour
            "bar", "color", "render", "rgb");

    private UnavailableFunctions() {
    }

    static boolean contains(String lowerCaseName) {
        return lowerCaseName.startsWith(GEOSPATIAL_PREFIX) || NAMES.contains(lowerCaseName);
    }
}
