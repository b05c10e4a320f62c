package io.sipcgateway.gateway.core.embedded;

import java.util.Properties;

import javax.sip.SipStack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's message trace ({@code gov.nist.javax.sip.SERVER_LOGGER}) on SLF4J: every SIP message the embedded core
 * sends or receives, at TRACE on {@code io.sipcgateway.gateway.core.embedded.wire}. Never writes files.
 *
 * <p>Private stop-gap like {@link EmbeddedStackLogger}: replaced by the shared SLF4J loggers of the kamailio-core
 * branch once merged.
 */
public final class EmbeddedServerLogger implements ServerLogger {
    static final Logger WIRE = LoggerFactory.getLogger("io.sipcgateway.gateway.core.embedded.wire");

    @Override
    public void closeLogFile() {
        // no file
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        // jain-sip logs each received response twice, the second time with status "before processing".
        if (WIRE.isTraceEnabled() && (status == null || !status.startsWith("before"))) {
            WIRE.trace("{} {} -> {}{}\n{}", sender ? "SENT" : "RECV", from, to,
                    status == null ? "" : " (" + status + ")", message.encode());
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, status, sender, System.currentTimeMillis());
    }

    @Override
    public void logException(Exception ex) {
        WIRE.warn("jain-sip message exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
