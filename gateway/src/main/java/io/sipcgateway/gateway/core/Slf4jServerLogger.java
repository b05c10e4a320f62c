package io.sipcgateway.gateway.core;

import java.util.Properties;

import javax.sip.SipStack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's SIP message trace on SLF4J: every message sent or received, in full, at DEBUG on the logger
 * {@value #LOGGER_NAME}. Replaces jain-sip's default {@code ServerLog}, which writes to its own file and prints
 * exceptions with {@code printStackTrace()}. Select it with the stack property {@link #SERVER_LOGGER_PROPERTY}.
 */
public final class Slf4jServerLogger implements ServerLogger {

    /** The jain-sip stack property naming the {@link ServerLogger} class; it needs a public no-arg constructor. */
    public static final String SERVER_LOGGER_PROPERTY = "gov.nist.javax.sip.SERVER_LOGGER";

    /** SLF4J logger of the SIP wire trace. */
    public static final String LOGGER_NAME = "io.sipcgateway.sip.wire";

    private static final Logger WIRE = LoggerFactory.getLogger(LOGGER_NAME);

    private volatile String stackName = "sip";

    /** Used by jain-sip, which instantiates the class named in {@link #SERVER_LOGGER_PROPERTY} reflectively. */
    public Slf4jServerLogger() {
    }

    /** Whether the wire trace is on; {@link Slf4jStackLogger} opens jain-sip's message-logging gate on it. */
    static boolean wireLoggingEnabled() {
        return WIRE.isDebugEnabled();
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, null, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, status, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, status, sender);
    }

    private void log(SIPMessage message, String from, String to, String status, boolean sender) {
        if (!WIRE.isDebugEnabled()) {
            return;
        }
        // jain-sip passes "from" and "to" as the datagram's or connection's source and destination host:port.
        WIRE.debug("[{}] {} {} -> {}{}\n{}", stackName, sender ? "SENT" : "RECV", from, to,
                status == null ? "" : " (" + status + ")", message.encode());
    }

    @Override
    public void logException(Exception ex) {
        WIRE.warn("[{}] jain-sip transport exception", stackName, ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        String name = stackProperties.getProperty("javax.sip.STACK_NAME");
        if (name != null) {
            stackName = name;
        }
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        stackName = sipStack.getStackName();
    }

    @Override
    public void closeLogFile() {
        // Nothing to close: the SLF4J backend owns its appenders.
    }
}
