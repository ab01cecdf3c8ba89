package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConfigErrors;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Instantiates a user-supplied {@link AwsCredentialsProvider} named by CredentialsProvider, with the
 * CredentialsProviderArguments if there are any. The class is looked up through the thread's context class loader
 * first, because tools like DBeaver load user jars there, and then through the driver's own loader. A provider
 * written against the application's own AWS SDK (beside the relocated one of the -all jar) is wrapped.
 */
final class CustomProviderLoader {
    private CustomProviderLoader() {
    }

    /** @param arguments CredentialsProviderArguments, empty for none; their values never reach a message */
    static AwsCredentialsProvider load(String className, List<String> arguments) throws SQLException {
        Class<?> type = findClass(className);
        boolean ownSdk = AwsCredentialsProvider.class.isAssignableFrom(type);
        Optional<Class<?>> hostInterface = ownSdk ? Optional.empty() : HostSdkProvider.hostInterface(type);
        if (!ownSdk && !hostInterface.isPresent()) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " does not implement "
                    + AwsCredentialsProvider.class.getName() + " (AWS SDK for Java v2); SDK v1 providers such as "
                    + "com.amazonaws.auth.* must be replaced by a v2 provider or DefaultChain/ProfileCredentials");
        }
        Object provider = instantiate(type, className, arguments,
                ownSdk ? AwsCredentialsProvider.class : hostInterface.get());
        if (ownSdk) {
            return (AwsCredentialsProvider) provider;
        }
        try {
            return HostSdkProvider.wrap(provider, hostInterface.get());
        } catch (NoSuchMethodException e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " has no resolveCredentials()", e);
        }
    }

    /**
     * With arguments, a public constructor taking them; without, a public static create() (the SDK's own providers'
     * way) or a public no-argument constructor.
     */
    private static Object instantiate(Class<?> type, String className, List<String> arguments, Class<?> providerType)
            throws SQLException {
        try {
            Object provider;
            if (!arguments.isEmpty()) {
                provider = withArguments(type, className, arguments);
            } else {
                Method create = staticCreate(type, providerType);
                provider = create != null ? create.invoke(null) : type.getConstructor().newInstance();
            }
            if (provider == null) {
                throw ConfigErrors.error("CredentialsProvider class " + className + ": create() returned null");
            }
            return provider;
        } catch (NoSuchMethodException e) {
            throw ConfigErrors.error("CredentialsProvider class " + className + " needs a public no-argument "
                    + "constructor or a public static create() method", e);
        } catch (InvocationTargetException e) {
            throw failure(className + " failed to initialise: ", e.getCause(), arguments);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw failure(className + " could not be instantiated: ", e, arguments);
        }
    }

    /**
     * The provider's own failure, without the argument values: the JDK's parsing echoes what it was given
     * ({@code NumberFormatException: For input string: "..."}), and an argument may be a token. With arguments the
     * cause is not attached either, as a logged stack trace would print its message.
     */
    private static SQLException failure(String what, Throwable cause, List<String> arguments) {
        if (arguments.isEmpty()) {
            return ConfigErrors.error("CredentialsProvider class " + what + cause, cause);
        }
        String shown = String.valueOf(cause);
        for (String argument : arguments) {
            if (!argument.isEmpty()) {
                shown = shown.replace(argument, "****");
            }
        }
        return ConfigErrors.error("CredentialsProvider class " + what + shown
                + " (values of CredentialsProviderArguments not shown)");
    }

    /** A constructor of one String per argument wins over one of a String[] (or String...). */
    private static Object withArguments(Class<?> type, String className, List<String> arguments)
            throws ReflectiveOperationException, SQLException {
        Constructor<?> ofArray = null;
        for (Constructor<?> constructor : type.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == arguments.size() && allStrings(parameters)) {
                return constructor.newInstance(arguments.toArray());
            }
            if (parameters.length == 1 && parameters[0] == String[].class) {
                ofArray = constructor;
            }
        }
        if (ofArray != null) {
            return ofArray.newInstance((Object) arguments.toArray(new String[0]));
        }
        int count = arguments.size();
        throw ConfigErrors.error("CredentialsProvider class " + className + " has no public constructor taking "
                + count + " String parameter" + (count == 1 ? "" : "s") + " or one String[], which the " + count
                + " value" + (count == 1 ? "" : "s") + " of CredentialsProviderArguments need (values not shown): "
                + "add such a constructor, or match the arguments to one it has");
    }

    private static boolean allStrings(Class<?>[] parameters) {
        for (Class<?> parameter : parameters) {
            if (parameter != String.class) {
                return false;
            }
        }
        return true;
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

    /** A public static create() returning a provider of {@code providerType}; null when there is none. */
    private static Method staticCreate(Class<?> type, Class<?> providerType) {
        try {
            Method create = type.getMethod("create");
            return Modifier.isStatic(create.getModifiers()) && providerType.isAssignableFrom(create.getReturnType())
                    ? create : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
