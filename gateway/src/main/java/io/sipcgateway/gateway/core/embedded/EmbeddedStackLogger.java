package io.sipcgateway.gateway.core.embedded;

import java.util.Locale;
import java.util.Properties;

import gov.nist.core.StackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's {@link StackLogger} on SLF4J, so the stack never reaches for log4j (a {@code provided} dependency of
 * jain-sip-ri that is not on our class path). jain-sip's DEBUG, TRACE and its per-message INFO go to SLF4J TRACE;
 * the TLS warnings every stack prints at creation (we run no TLS) go to DEBUG. Instantiated by jain-sip by name
 * ({@code gov.nist.javax.sip.STACK_LOGGER}), hence public.
 *
 * <p>Private stop-gap: the kamailio-core branch adds {@code io.sipcgateway.gateway.core.Slf4jStackLogger}; once
 * that is merged this class goes and {@link EmbeddedCore} names that one instead.
 */
public final class EmbeddedStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.trace("stack trace requested by jain-sip", new Throwable("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.error("jain-sip exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.trace(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.trace(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.error(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isErrorEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_ERROR) {
            return LOG.isErrorEnabled();
        } else if (logLevel <= TRACE_WARN) {
            return LOG.isWarnEnabled();
        } else if (logLevel <= TRACE_INFO) {
            // TRACE_INFO is also TRACE_MESSAGES: the gate for the message trace of EmbeddedServerLogger.
            return LOG.isTraceEnabled() || EmbeddedServerLogger.WIRE.isTraceEnabled();
        }
        return LOG.isTraceEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.error(message, ex);
    }

    @Override
    public void logWarning(String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("tls") || lower.contains("keystore") || lower.contains("truststore")) {
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    @Override
    public void logInfo(String message) {
        LOG.trace(message);
    }

    @Override
    public void disableLogging() {
        // levels are SLF4J's to decide
    }

    @Override
    public void enableLogging() {
        // levels are SLF4J's to decide
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("jain-sip build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure: SLF4J is configured by the application
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
