package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a call's argument types bind to one declared function signature, under the implicit coercions of Trino's
 * function resolution (its SignatureBinder with coercion allowed, and TypeCoercion.canCoerce): an untyped NULL goes
 * anywhere; tinyint, smallint, integer and bigint widen to the wider ones, to real, double and decimal, a decimal to
 * real and double, a real to double; a varchar or char to any varchar (a char also to its varchar), and text to the
 * pattern and code point types ({@code jsonpath}, {@code joniregexp}, {@code codepoints}) that regular expressions,
 * JSON paths and trim characters are declared as; a date to a timestamp and to a timestamp with time zone, a
 * timestamp to one with time zone, a time to one with time zone; arrays and maps element by element. A varchar does
 * not go into a char, nor text into a number, a date or json, nor a number into text.
 *
 * <p>Literal parameters ({@code varchar(x)}, {@code timestamp(p)}, {@code decimal(p,s)}) take any length, precision
 * or scale: a coercion to a longer or more precise type always exists. A type variable ({@code E}, {@code T},
 * {@code K}, {@code V}) binds when every type it is given has a common super type with the others.
 */
final class SignatureBinding {

    /** The types this binding knows the coercions of; an argument of any other type is not judged. */
    private static final Set<String> MODELLED = Set.of("tinyint", "smallint", "integer", "bigint", "float", "double",
            "decimal", "varchar", "char", "varbinary", "boolean", "date", "timestamp", "timestamp with time zone",
            "time", "time with time zone", "interval day to second", "interval year to month", "json", "unknown",
            "array", "map", "row");


    /** The declared types text coerces to, which only name a value's form (a pattern, a path, characters). */
    private static final Set<String> TEXT_FORMS = Set.of("jsonpath", "joniregexp", "codepoints");

    private SignatureBinding() {
    }

    /**
     * A declared parameter or result type. {@code base} is the type's name ({@code timestamp with time zone} for
     * {@code timestamp(p) with time zone}; {@code float} for {@code real}, as {@link SqlType} names it); a type
     * variable has {@code variable} set; {@code bounded} tells {@code varchar(x)} (any length) from {@code varchar}.
     */
    record Pattern(String base, List<Pattern> parameters, boolean variable, boolean bounded) {

        /** Parses a type as Trino prints a declared signature's: {@code array(E)}, {@code map(K,V)}, {@code decimal(p,s)}. */
        static Pattern parse(String text) {
            PatternParser parser = new PatternParser(text);
            Pattern pattern = parser.pattern();
            if (parser.pos != text.length()) {
                throw new IllegalArgumentException("Not a signature type: " + text);
            }
            return pattern;
        }
    }

    /** Whether {@code type} is one whose coercions are known here, with all the types it holds. */
    static boolean judged(SqlType type) {
        if (type == null || !MODELLED.contains(type.base())) {
            return false;
        }
        return type.children().stream().allMatch(SignatureBinding::judged);
    }

    /** The outcome of binding one signature: whether it applies, whether it does without any coercion, and how. */
    record Bound(boolean applies, boolean exact, Map<String, List<SqlType>> variables, List<Boolean> exactArguments) {

        static final Bound NONE = new Bound(false, false, Map.of(), List.of());
    }

    /**
     * Binds {@code arguments} (all {@link #judged}) to {@code parameters}; with {@code variadic} the last parameter
     * repeats, also never (Trino binds a variable arity signature to as few arguments as it declares, less one).
     */
    static Bound bind(List<Pattern> parameters, boolean variadic, List<SqlType> arguments) {
        int declared = parameters.size();
        if (variadic ? arguments.size() < declared - 1 : arguments.size() != declared) {
            return Bound.NONE;
        }
        Map<String, List<SqlType>> variables = new HashMap<>();
        List<Boolean> exactArguments = new ArrayList<>();
        boolean exact = true;
        for (int i = 0; i < arguments.size(); i++) {
            Pattern parameter = parameters.get(Math.min(i, declared - 1));
            SqlType argument = arguments.get(i);
            if (!accepts(parameter, argument, variables)) {
                return Bound.NONE;
            }
            boolean exactArgument = isExact(parameter, argument);
            exactArguments.add(exactArgument);
            exact &= exactArgument;
        }
        for (List<SqlType> types : variables.values()) {
            for (int i = 0; i < types.size(); i++) {
                for (int j = i + 1; j < types.size(); j++) {
                    if (!compatible(types.get(i), types.get(j))) {
                        return Bound.NONE;
                    }
                }
            }
            exact &= types.stream().distinct().count() <= 1;
        }
        return new Bound(true, exact, variables, exactArguments);
    }

    /** Whether a value of type {@code argument} goes into {@code parameter}, recording what type variables take. */
    private static boolean accepts(Pattern parameter, SqlType argument, Map<String, List<SqlType>> variables) {
        if (argument.is("unknown")) {
            return true;
        }
        if (parameter.variable()) {
            variables.computeIfAbsent(parameter.base(), v -> new ArrayList<>()).add(argument);
            return true;
        }
        return switch (parameter.base()) {
            case "array" -> argument.is("array") && accepts(parameter.parameters().get(0), argument.element(), variables);
            case "map" -> argument.is("map")
                    && accepts(parameter.parameters().get(0), argument.children().get(0), variables)
                    && accepts(parameter.parameters().get(1), argument.children().get(1), variables);
            case "function" -> false;   // a lambda's type: a call with a lambda argument is never judged
            default -> coerces(argument, parameter.base());
        };
    }

    /** Trino's implicit coercion of a value of {@code from} into a declared type named {@code to} (see the class). */
    static boolean coerces(SqlType from, String to) {
        String base = from.base();
        if (TEXT_FORMS.contains(to)) {
            return base.equals("varchar") || base.equals("char");
        }
        return switch (to) {
            case "smallint", "integer", "bigint" -> CommonSuperType.INTEGRAL.contains(base)
                    && CommonSuperType.INTEGRAL.indexOf(base) <= CommonSuperType.INTEGRAL.indexOf(to);
            case "float" -> CommonSuperType.INTEGRAL.contains(base) || base.equals("decimal") || base.equals("float");
            case "double" -> from.isNumeric();
            case "decimal" -> CommonSuperType.INTEGRAL.contains(base) || base.equals("decimal");
            case "varchar" -> base.equals("varchar") || base.equals("char");
            case "timestamp" -> base.equals("timestamp") || base.equals("date");
            case "timestamp with time zone" -> base.equals("timestamp with time zone") || base.equals("timestamp")
                    || base.equals("date");
            case "time with time zone" -> base.equals("time with time zone") || base.equals("time");
            default -> base.equals(to);
        };
    }

    /** Whether {@code argument} is {@code parameter}'s type itself: what Trino binds before it tries coercions. */
    private static boolean isExact(Pattern parameter, SqlType argument) {
        if (argument.is("unknown")) {
            return false;
        }
        if (parameter.variable()) {
            return true;
        }
        if (!parameter.parameters().isEmpty() && !parameter.bounded()) {
            // array(E), map(K,V): element by element
            if (!argument.base().equals(parameter.base())) {
                return false;
            }
            for (int i = 0; i < parameter.parameters().size(); i++) {
                if (!isExact(parameter.parameters().get(i), argument.children().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (parameter.base().equals("varchar") && !parameter.bounded()) {
            return argument.is("varchar") && argument.length() == SqlType.UNBOUNDED;
        }
        return argument.base().equals(parameter.base());
    }

    /**
     * Whether Trino finds a common super type of {@code a} and {@code b}: {@link CommonSuperType} for an untyped
     * NULL, numbers, text, dates and timestamps and booleans; beyond those, times join times, and every other type
     * joins its own kind only, arrays, maps and rows element by element.
     */
    static boolean compatible(SqlType a, SqlType b) {
        if (CommonSuperType.judged(a) && CommonSuperType.judged(b)) {
            return CommonSuperType.joins(a, b);
        }
        if (a.is("unknown") || b.is("unknown")) {
            return true;
        }
        if (!kind(a).equals(kind(b)) || (a.is("row") && a.children().size() != b.children().size())) {
            return false;
        }
        for (int i = 0; i < a.children().size(); i++) {
            if (!compatible(a.children().get(i), b.children().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String kind(SqlType type) {
        return type.is("time with time zone") ? "time" : type.base();
    }

    /** Reads the types a signature declares, as Trino prints them. */
    private static final class PatternParser {

        /** Types whose parameters in a signature are literal variables ({@code varchar(x)}), not types. */
        private static final Set<String> LITERAL_PARAMETERS = Set.of("varchar", "char", "decimal", "timestamp", "time");

        private final String text;
        private int pos;

        PatternParser(String text) {
            this.text = text;
        }

        Pattern pattern() {
            String name = words();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                List<Pattern> parameters = new ArrayList<>();
                boolean literal = LITERAL_PARAMETERS.contains(name);
                while (true) {
                    if (literal) {
                        words();
                    } else {
                        parameters.add(pattern());
                    }
                    char c = text.charAt(pos++);
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw new IllegalArgumentException("Not a signature type: " + text);
                    }
                }
                String suffix = words();
                String base = suffix.isEmpty() ? name : name + " " + suffix;
                return new Pattern(base, parameters, false, literal);
            }
            if (name.equals("real")) {
                return new Pattern("float", List.of(), false, false);
            }
            boolean variable = !name.isEmpty() && name.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
            return new Pattern(name, List.of(), variable, false);
        }

        /** Words and the blanks between them ({@code interval day to second}), up to a bracket or comma. */
        private String words() {
            int start = pos;
            while (pos < text.length() && "(),".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos).strip();
        }
    }
}
