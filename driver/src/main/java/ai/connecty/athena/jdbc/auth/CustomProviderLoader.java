package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConfigErrors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Instantiates a user-supplied {@link AwsCredentialsProvider} named by CredentialsProvider. The class is looked
 * up through the thread's context class loader first, because tools like DBeaver load user jars there, and then
 * through the driver's own loader.
 */
final class CustomProviderLoader {
    private CustomProviderLoader() {
    }

    static AwsCredentialsProvider load(String className) throws SQLException {
        try {
            return loadProvider(className);
        } catch (NoSuchMethodException e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " has no resolveCredentials()", e);
        }
    }

    /** A no-arg constructor or static create() of a provider written against the application's own SDK. */
    private static Object instantiate(Class<?> type, String className) throws SQLException {
        try {
            Method create = type.getMethod("create");
            return Modifier.isStatic(create.getModifiers()) ? create.invoke(null) : type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            try {
                return type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException inner) {
                throw ConfigErrors.error("CredentialsProvider class " + className + " needs a public no-argument "
                        + "constructor or a public static create() method", inner);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " could not be instantiated: " + e, e);
        }
    }

    private static AwsCredentialsProvider loadProvider(String className) throws SQLException, NoSuchMethodException {
        Class<?> type = findClass(className);
        java.util.Optional<Class<?>> hostInterface = HostSdkProvider.hostInterface(type);
        if (!AwsCredentialsProvider.class.isAssignableFrom(type) && hostInterface.isPresent()) {
            return HostSdkProvider.wrap(instantiate(type, className), hostInterface.get());
        }
        if (!AwsCredentialsProvider.class.isAssignableFrom(type)) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " does not implement "
                    + AwsCredentialsProvider.class.getName() + " (AWS SDK for Java v2); SDK v1 providers such as "
                    + "com.amazonaws.auth.* must be replaced by a v2 provider or DefaultChain/ProfileCredentials");
        }
        try {
            Method factory = staticCreate(type);
            Object provider = factory != null ? factory.invoke(null) : type.getConstructor().newInstance();
            if (provider == null) {
                throw ConfigErrors.error("CredentialsProvider class " + className + ": create() returned null");
            }
            return (AwsCredentialsProvider) provider;
        } catch (NoSuchMethodException e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " needs a public no-argument "
                    + "constructor or a public static create() method", e);
        } catch (InvocationTargetException e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " failed to initialise: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " could not be instantiated: " + e, e);
        }
    }

    private static Class<?> findClass(String className) throws SQLException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(className, true, context);
            } catch (ClassNotFoundException | LinkageError ignored) {
                // fall through to the driver's own class loader
            }
        }
        try {
            return Class.forName(className, true, CustomProviderLoader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " was not found on the classpath: "
                    + "add its jar, or use DefaultChain, ProfileCredentials or InstanceProfile", e);
        }
    }

    private static Method staticCreate(Class<?> type) {
        try {
            Method create = type.getMethod("create");
            boolean usable = Modifier.isStatic(create.getModifiers())
                    && AwsCredentialsProvider.class.isAssignableFrom(create.getReturnType());
            return usable ? create : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
