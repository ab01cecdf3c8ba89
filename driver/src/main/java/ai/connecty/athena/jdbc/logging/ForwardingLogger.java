package ai.connecty.athena.jdbc.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A relocated SLF4J logger that formats the message and hands it to the host's logger of the same name. */
final class ForwardingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient HostSlf4j host;
    private final transient Object target;

    ForwardingLogger(String name, HostSlf4j host) {
        this.name = name;
        this.host = host;
        this.target = host.logger(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return host.isEnabled(target, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return host.isEnabled(target, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return host.isEnabled(target, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return host.isEnabled(target, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return host.isEnabled(target, Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable error) {
        host.log(target, level, MessageFormatter.basicArrayFormat(pattern, arguments), error);
    }
}
