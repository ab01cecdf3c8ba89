package ai.connecty.athena.jdbc.metadata;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client info properties the driver knows: the three names {@code Connection.setClientInfo}'s javadoc lists.
 * Athena has no session to store them in, so they are kept by the connection for {@code getClientInfo} (tools set
 * them to label a connection); ApplicationName starts as the connection's ApplicationName property, which is what
 * the User-Agent of the connection's AWS calls carries. Any other name is kept too, with a SQLWarning, as the
 * javadoc asks for a name the driver does not recognize.
 */
public final class ClientInfoNames {
    public static final String APPLICATION_NAME = "ApplicationName";

    /** In the order getClientInfoProperties lists them. */
    public static final List<String> KNOWN = List.of(APPLICATION_NAME, "ClientUser", "ClientHostname");

    /** Values live in the connection's memory: no column or protocol field limits their length. */
    private static final String MAX_LEN = String.valueOf(Integer.MAX_VALUE);

    private ClientInfoNames() {
    }

    public static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    /** The rows of getClientInfoProperties: NAME, MAX_LEN, DEFAULT_VALUE, DESCRIPTION. */
    static List<List<String>> rows(Optional<String> applicationName) {
        return List.of(
                Arrays.asList(APPLICATION_NAME, MAX_LEN, applicationName.orElse(null),
                        "The application's name. Starts as the ApplicationName connection property, which the "
                                + "User-Agent of the connection's AWS calls carries; setClientInfo changes what "
                                + "getClientInfo returns, not that User-Agent"),
                Arrays.asList("ClientUser", MAX_LEN, null,
                        "The user the application works for; kept by the connection for getClientInfo"),
                Arrays.asList("ClientHostname", MAX_LEN, null,
                        "The host the application runs on; kept by the connection for getClientInfo"));
    }
}
