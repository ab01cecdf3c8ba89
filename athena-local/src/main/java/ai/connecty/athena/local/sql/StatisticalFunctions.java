package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Trino's statistical functions of math.md that DuckDB lacks: {@code normal_cdf}, {@code inverse_normal_cdf},
 * {@code beta_cdf}, {@code inverse_beta_cdf} (Trino's MathFunctions, computed with commons-math3 as there, so the
 * digits agree) and {@code wilson_interval_lower}/{@code _upper} (Trino's WilsonInterval). Each is a Java function of
 * doubles returning a double, NULL when an argument is NULL; an argument Trino refuses fails with
 * INVALID_FUNCTION_ARGUMENT and Trino's message, checked in Trino's order. StatisticalFunctionsTest checks them.
 */
final class StatisticalFunctions {

    /** Trino's name for each function and the name of the Java function registered for it. */
    private static final List<String> NAMES = List.of("normal_cdf", "inverse_normal_cdf", "beta_cdf",
            "inverse_beta_cdf", "wilson_interval_lower", "wilson_interval_upper");

    private StatisticalFunctions() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofDoubles(duck, javaName("normal_cdf"), a -> normalCdf(a[0], a[1], a[2]));
        JavaFunctions.ofDoubles(duck, javaName("inverse_normal_cdf"), a -> inverseNormalCdf(a[0], a[1], a[2]));
        JavaFunctions.ofDoubles(duck, javaName("beta_cdf"), a -> betaCdf(a[0], a[1], a[2]));
        JavaFunctions.ofDoubles(duck, javaName("inverse_beta_cdf"), a -> inverseBetaCdf(a[0], a[1], a[2]));
        JavaFunctions.ofDoubles(duck, javaName("wilson_interval_lower"), a -> wilson(a[0], a[1], a[2], -1));
        JavaFunctions.ofDoubles(duck, javaName("wilson_interval_upper"), a -> wilson(a[0], a[1], a[2], 1));
    }

    /** Adds a rule for each function to the call rules ({@link Calls}). */
    static void addTo(java.util.Map<String, java.util.function.Function<List<Calls.Arg>, String>> rules) {
        for (String name : NAMES) {
            rules.put(name, a -> {
                if (a.size() != 3) {
                    throw new UnsupportedSqlException(name + "() with " + a.size() + " argument(s)");
                }
                return javaName(name) + "(" + a.stream().map(x -> "CAST(" + x.sql() + " AS DOUBLE)")
                        .collect(Collectors.joining(", ")) + ")";
            });
        }
    }

    private static String javaName(String trinoName) {
        return "athena_" + trinoName;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw RaisedErrors.invalidArgumentError(message);
        }
    }

    /** P(N < value) for N normal with the given mean and standard deviation, through the error function. */
    static double normalCdf(double mean, double sd, double value) {
        check(sd > 0, "standardDeviation must be > 0");
        return 0.5 * (1 + Erf.erf((value - mean) / (sd * Math.sqrt(2))));
    }

    /** The value below which N falls with probability p, through the inverse error function. */
    static double inverseNormalCdf(double mean, double sd, double p) {
        check(p > 0 && p < 1, "p must be 0 > p > 1");
        check(sd > 0, "sd must be > 0");
        return mean + sd * 1.4142135623730951 * Erf.erfInv(2 * p - 1);
    }

    static double betaCdf(double a, double b, double value) {
        check(value >= 0 && value <= 1, "value must be 0 >= v >= 1");
        check(a > 0 && b > 0, "a, b must be > 0");
        return beta(a, b).cumulativeProbability(value);
    }

    static double inverseBetaCdf(double a, double b, double p) {
        check(p >= 0 && p <= 1, "p must be 0 >= p >= 1");
        check(a > 0 && b > 0, "a, b must be > 0");
        return beta(a, b).inverseCumulativeProbability(p);
    }

    /** No random source (none is drawn from) and commons-math3's default accuracy of the inverse, as Trino's. */
    private static BetaDistribution beta(double a, double b) {
        return new BetaDistribution(null, a, b, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    /**
     * The Wilson score interval's lower ({@code side} -1) or upper (+1) bound for {@code successes} of
     * {@code trials} Bernoulli trials at z-score z. Trino's successes and trials are bigints; as doubles they are
     * exact up to 2^53.
     */
    static double wilson(double successes, double trials, double z, int side) {
        check(successes >= 0, "number of successes must not be negative");
        check(trials > 0, "number of trials must be positive");
        check(successes <= trials, "number of successes must not be larger than number of trials");
        check(z >= 0, "z-score must not be negative");
        double share = successes * 1.0 / trials;
        double zz = z * z;
        double spread = Math.sqrt(share * (1 - share) / trials + zz / (4 * trials * trials));
        return (share + zz / (2 * trials) + side * z * spread) / (1 + zz / trials);
    }
}
