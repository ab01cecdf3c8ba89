package ai.connecty.athena.jdbc.auth;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A credentials provider written against the application's own AWS SDK, used by the {@code -all} jar, whose
 * bundled SDK is relocated: the user's class implements the host's {@code AwsCredentialsProvider}, not the
 * relocated one, so it is called by reflection and its answer copied into the driver's SDK types. The host
 * interface name is assembled at run time because the shade plugin would relocate a literal.
 */
final class HostSdkProvider implements AwsCredentialsProvider, AutoCloseable {
    static final String HOST_INTERFACE = String.join(".", "software", "amazon", "awssdk", "auth", "credentials",
            "AwsCredentialsProvider");

    private final Object provider;
    private final Method resolve;

    private HostSdkProvider(Object provider, Method resolve) {
        this.provider = provider;
        this.resolve = resolve;
    }

    /** Empty unless {@code type} implements the host's (unrelocated) AWS SDK v2 provider interface. */
    static Optional<Class<?>> hostInterface(Class<?> type) {
        if (HOST_INTERFACE.equals(AwsCredentialsProvider.class.getName())) {
            return Optional.empty(); // the plain jar: the driver and the application share one SDK
        }
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> candidate : current.getInterfaces()) {
                Optional<Class<?>> found = named(candidate);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> named(Class<?> candidate) {
        if (HOST_INTERFACE.equals(candidate.getName())) {
            return Optional.of(candidate);
        }
        for (Class<?> parent : candidate.getInterfaces()) {
            Optional<Class<?>> found = named(parent);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static HostSdkProvider wrap(Object provider, Class<?> hostInterface) throws NoSuchMethodException {
        return new HostSdkProvider(provider, hostInterface.getMethod("resolveCredentials"));
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            Object credentials = resolve.invoke(provider);
            String accessKeyId = (String) call(credentials, "accessKeyId");
            String secret = (String) call(credentials, "secretAccessKey");
            Method token = publicMethod(credentials.getClass(), "sessionToken");
            if (token != null) {
                return AwsSessionCredentials.create(accessKeyId, secret, (String) token.invoke(credentials));
            }
            return AwsBasicCredentials.create(accessKeyId, secret);
        } catch (InvocationTargetException e) {
            throw SdkClientException.create("CredentialsProvider " + provider.getClass().getName()
                    + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw SdkClientException.create("CredentialsProvider " + provider.getClass().getName()
                    + " returned credentials the driver cannot read: " + e, e);
        }
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        Method method = publicMethod(target.getClass(), name);
        if (method == null) {
            throw new NoSuchMethodException(target.getClass().getName() + "." + name + "()");
        }
        return method.invoke(target);
    }

    /** The method as declared by a public class or interface, so that reflection may call it. */
    private static Method publicMethod(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (Modifier.isPublic(current.getModifiers())) {
                try {
                    return current.getMethod(name);
                } catch (NoSuchMethodException e) {
                    return null;
                }
            }
            for (Class<?> candidate : current.getInterfaces()) {
                if (Modifier.isPublic(candidate.getModifiers())) {
                    try {
                        return candidate.getMethod(name);
                    } catch (NoSuchMethodException ignored) {
                        // try the next one
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        if (provider instanceof AutoCloseable) {
            ((AutoCloseable) provider).close();
        }
    }
}
