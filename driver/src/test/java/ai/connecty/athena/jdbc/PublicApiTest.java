package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.results.AbstractTextResultSet;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the public API (see the root package's {@code package-info}): the API types are exactly the public
 * types of the root package, and nothing public on them leads into the internal packages, so those can be
 * refactored in any release. The SDK, HttpClient and SLF4J are as forbidden in signatures as the internal
 * packages: the {@code -all} jar relocates them, so such a signature would differ between the two jars.
 */
class PublicApiTest {
    private static final String ROOT = "ai.connecty.athena.jdbc";

    static final Set<Class<?>> API = new LinkedHashSet<>(Arrays.asList(AthenaDriver.class, AthenaDataSource.class,
            AthenaConnection.class, AthenaStatement.class, AthenaPreparedStatement.class, AthenaResultSet.class,
            QueryStatistics.class));

    /** Prefixes of types no API signature may name. */
    private static final List<String> FORBIDDEN = Arrays.asList(ROOT + ".", "software.amazon.", "org.apache.",
            "org.slf4j.", "org.reactivestreams.");

    /**
     * Supertypes outside the API and java.* that are accepted, each for a reason: AthenaResultSet shares every
     * getter with the metadata result sets through this base class. Its public methods are ResultSet's (checked
     * below), so users see nothing of it but the name in the class hierarchy.
     */
    private static final Map<Class<?>, Class<?>> ACCEPTED_SUPERTYPES =
            Collections.singletonMap(AthenaResultSet.class, AbstractTextResultSet.class);

    /** Public methods of the unwrap types beyond their java.sql interface: each is what users unwrap for. */
    private static final Map<Class<?>, Set<String>> EXTRAS = Map.of(
            AthenaConnection.class, Set.of("clearMetadataCache()"),
            AthenaStatement.class, Set.of("getQueryExecutionId()", "getQueryStatistics()"),
            AthenaPreparedStatement.class, Set.of("getQueryExecutionId()", "getQueryStatistics()"),
            AthenaResultSet.class, Set.of("getQueryExecutionId()", "getQueryStatistics()", "getResultTransport()"));

    private static final Map<Class<?>, Class<?>> INTERFACE = Map.of(
            AthenaConnection.class, Connection.class,
            AthenaStatement.class, Statement.class,
            AthenaPreparedStatement.class, PreparedStatement.class,
            AthenaResultSet.class, ResultSet.class);

    @Test
    void thePublicTypesOfTheRootPackageAreExactlyTheApi() throws Exception {
        Set<String> publicTypes = new TreeSet<>();
        for (Class<?> type : rootPackageClasses()) {
            if (isVisible(type)) {
                publicTypes.add(type.getName());
            }
        }
        assertThat(publicTypes).as("public types of " + ROOT + "; anything else belongs package-private or in an "
                        + "internal package")
                .containsExactlyInAnyOrderElementsOf(API.stream().map(Class::getName).collect(Collectors.toList()));
    }

    @Test
    void noApiSignatureNamesAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            leaks.addAll(leaks(type));
        }
        assertThat(leaks).as("API members whose signature names an internal, SDK or logging type").isEmpty();
    }

    @Test
    void theUnwrapTypesAddOnlyWhatUsersUnwrapFor() {
        List<String> extras = new ArrayList<>();
        for (Map.Entry<Class<?>, Class<?>> entry : INTERFACE.entrySet()) {
            extras.addAll(extras(entry.getKey(), entry.getValue(), EXTRAS.get(entry.getKey())));
        }
        assertThat(extras).as("public methods beyond the java.sql interface and the allowed unwrap methods")
                .isEmpty();
    }

    /** The guard itself: an accessor like the removed {@code config()} is caught by both rules. */
    @Test
    void aReaddedConfigAccessorWouldBeCaught() {
        assertThat(leaks(ConnectionWithConfigAccessor.class))
                .anySatisfy(leak -> assertThat(leak).contains("config()").contains(ConnectionConfig.class.getName()));
        assertThat(extras(ConnectionWithConfigAccessor.class, Connection.class, EXTRAS.get(AthenaConnection.class)))
                .containsExactly(ConnectionWithConfigAccessor.class.getSimpleName() + ".config()");
        assertThat(leaks(ProtectedLeak.class)).anySatisfy(leak -> assertThat(leak).contains("request(")
                .contains("java.util.List<" + ConnectionConfig.class.getName() + ">"));
    }

    // ---------------------------------------------------------------- the rules

    static List<String> leaks(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        if (type.getSuperclass() != null && forbidden(type.getSuperclass())
                && ACCEPTED_SUPERTYPES.get(type) != type.getSuperclass()) {
            leaks.add(type.getName() + " extends " + type.getSuperclass().getName());
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (forbidden(implemented)) {
                leaks.add(type.getName() + " implements " + implemented.getName());
            }
        }
        for (Member member : visibleMembers(type)) {
            for (Type mentioned : signature(member)) {
                for (Class<?> named : classesIn(mentioned)) {
                    if (forbidden(named)) {
                        leaks.add(type.getSimpleName() + "." + describe(member) + " names " + mentioned.getTypeName());
                    }
                }
            }
        }
        return leaks;
    }

    static List<String> extras(Class<?> type, Class<?> jdbcInterface, Set<String> allowed) {
        Set<String> interfaceMethods = Stream.concat(Arrays.stream(jdbcInterface.getMethods()),
                        Arrays.stream(Object.class.getMethods()))
                .map(PublicApiTest::describe).collect(Collectors.toSet());
        List<String> extras = new ArrayList<>();
        for (Method method : type.getMethods()) {
            String described = describe(method);
            if (!interfaceMethods.contains(described) && !allowed.contains(described) && !method.isSynthetic()) {
                extras.add(type.getSimpleName() + "." + described);
            }
        }
        return extras;
    }

    /** Public and protected members users can reach: inherited ones too, up to java.*. */
    private static List<Member> visibleMembers(Class<?> type) {
        List<Member> members = new ArrayList<>();
        for (Class<?> c = type; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (reachable(method.getModifiers()) && !method.isSynthetic()) {
                    members.add(method);
                }
            }
            for (Field field : c.getDeclaredFields()) {
                if (reachable(field.getModifiers())) {
                    members.add(field);
                }
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (reachable(constructor.getModifiers())) {
                members.add(constructor);
            }
        }
        return members;
    }

    private static boolean reachable(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Type> signature(Member member) {
        List<Type> types = new ArrayList<>();
        if (member instanceof Field) {
            types.add(((Field) member).getGenericType());
            return types;
        }
        Executable executable = (Executable) member;
        if (executable instanceof Method) {
            types.add(((Method) executable).getGenericReturnType());
        }
        types.addAll(Arrays.asList(executable.getGenericParameterTypes()));
        types.addAll(Arrays.asList(executable.getGenericExceptionTypes()));
        for (TypeVariable<?> variable : executable.getTypeParameters()) {
            types.addAll(Arrays.asList(variable.getBounds()));
        }
        return types;
    }

    /** Every class a (generic) type names, type arguments and bounds included. */
    private static Set<Class<?>> classesIn(Type type) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            classes.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType) {
            classesIn(((ParameterizedType) type).getRawType()).forEach(classes::add);
            for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
                classes.addAll(classesIn(argument));
            }
        } else if (type instanceof GenericArrayType) {
            classes.addAll(classesIn(((GenericArrayType) type).getGenericComponentType()));
        } else if (type instanceof WildcardType) {
            Stream.concat(Arrays.stream(((WildcardType) type).getUpperBounds()),
                    Arrays.stream(((WildcardType) type).getLowerBounds())).forEach(t -> classes.addAll(classesIn(t)));
        }
        // A type variable's bounds are checked where it is declared (the method's type parameters).
        return classes;
    }

    private static boolean forbidden(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (API.contains(type)) {
            return false;
        }
        String name = type.getName();
        return FORBIDDEN.stream().anyMatch(name::startsWith);
    }

    private static String describe(Member member) {
        if (member instanceof Field) {
            return member.getName();
        }
        Executable executable = (Executable) member;
        String name = member instanceof Constructor ? "<init>" : member.getName();
        return name + Arrays.stream(executable.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Public to users: public, and every enclosing class public too. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isLocalClass() && !type.isSynthetic();
    }

    /** The classes the driver's build put in the root package (main classes only, not the tests'). */
    private static List<Class<?>> rootPackageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Paths.get(AthenaDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve(ROOT.replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String simple = file.getFileName().toString().replaceAll("\\.class$", "");
                if (!simple.equals("package-info")) {
                    found.add(Class.forName(ROOT + "." + simple, false, PublicApiTest.class.getClassLoader()));
                }
            }
        }
        assertThat(found).as("classes found in " + root).contains(AthenaDriver.class, AthenaConnection.class);
        return found;
    }

    // ---------------------------------------------------------------- what the guard must catch

    /** What AthenaConnection was before: an accessor of an internal type. */
    abstract static class ConnectionWithConfigAccessor implements Connection {
        public ConnectionConfig config() {
            return null;
        }

        public void clearMetadataCache() {
        }
    }

    /** A protected helper naming an internal type inside a type argument. */
    abstract static class ProtectedLeak {
        protected void request(List<ConnectionConfig> configs) {
        }
    }
}
