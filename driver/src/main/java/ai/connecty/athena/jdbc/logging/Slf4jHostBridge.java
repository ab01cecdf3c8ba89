package ai.connecty.athena.jdbc.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the self-contained {@code -all} jar. That jar bundles SLF4J relocated (so it cannot clash
 * with the host's SLF4J version or binding) and registers this class, relocated too, as its only provider. It
 * forwards every enabled log call to the host's own, unrelocated SLF4J when the host has one (DBeaver, Spring,
 * most servers), so the driver's and the AWS SDK's logs land in the host's logging setup; a program without SLF4J
 * gets silence instead of SLF4J's "no providers" notice.
 *
 * <p>Unused in the plain jar: there the driver calls the application's SLF4J directly and no service file names
 * this class.
 */
public final class Slf4jHostBridge implements SLF4JServiceProvider {
    /** The SLF4J API generation this provider implements (2.0.x). */
    private static final String API_VERSION = "2.0.99";

    private ILoggerFactory loggerFactory;
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public void initialize() {
        loggerFactory = HostSlf4j.find(Slf4jHostBridge.class.getClassLoader())
                .<ILoggerFactory>map(host -> name -> new ForwardingLogger(name, host))
                .orElseGet(NOPLoggerFactory::new);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }
}
