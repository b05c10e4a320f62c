package io.sipcgateway.gateway.core;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** How every {@link TestSipUa}'s jain-sip stack is configured, and why. */
final class UaStackProperties {
    private static final AtomicInteger STACK_IDS = new AtomicInteger();

    private UaStackProperties() {
    }

    /** Properties for a UA named {@code user} that sends everything through {@code proxy} over {@code transport}. */
    static Properties of(String user, String proxyHost, int proxyPort, String transport) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "test-ua-" + user + "-" + STACK_IDS.incrementAndGet());
        // Every request goes to the core; the R-URI keeps the AoR (sip:bob@example.test does not resolve).
        properties.setProperty("javax.sip.OUTBOUND_PROXY", proxyHost + ":" + proxyPort + "/" + transport);
        // No dialogs: the UA only needs transactions. With dialog support off jain-sip hands every NOTIFY to the
        // listener, also long after the SUBSCRIBE transaction ended (tried with a NOTIFY 7 s later), so
        // gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY is not needed.
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // One thread processes incoming UDP messages in arrival order (the 200 to a SUBSCRIBE before its NOTIFY);
        // the listener never blocks, so one is enough, and the listener need not be re-entrant.
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        // jain-sip logs through SLF4J, never log4j (not on the class path).
        properties.setProperty(Slf4jStackLogger.STACK_LOGGER_PROPERTY, Slf4jStackLogger.class.getName());
        properties.setProperty(Slf4jServerLogger.SERVER_LOGGER_PROPERTY, Slf4jServerLogger.class.getName());
        return properties;
    }
}
