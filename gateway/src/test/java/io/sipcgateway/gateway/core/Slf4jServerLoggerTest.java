package io.sipcgateway.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import javax.sip.SipFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gov.nist.javax.sip.message.SIPMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class Slf4jServerLoggerTest {

    private static final String OPTIONS = "OPTIONS sip:127.0.0.1:5070 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:alice@example.test>;tag=1\r\n"
            + "To: <sip:127.0.0.1:5070>\r\n"
            + "Call-ID: wire-1\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";

    private final Logger wireLog = (Logger) LoggerFactory.getLogger(Slf4jServerLogger.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level wireLevel;
    private boolean additive;

    @BeforeEach
    void captureWireLogger() {
        Slf4jStackLogger.install();
        wireLevel = wireLog.getLevel();
        captured.start();
        // Only the capture sees what these tests log: no console noise from deliberate errors.
        additive = wireLog.isAdditive();
        wireLog.setAdditive(false);
        wireLog.addAppender(captured);
    }

    @AfterEach
    void restoreLevel() {
        wireLog.detachAppender(captured);
        wireLog.setAdditive(additive);
        wireLog.setLevel(wireLevel);
    }

    @Test
    void receivedMessageIsLoggedWithDirectionAddressesAndFullText() throws Exception {
        wireLog.setLevel(Level.DEBUG);
        Slf4jServerLogger logger = new Slf4jServerLogger();
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "ua-1");
        logger.setStackProperties(properties);

        logger.logMessage(parse(OPTIONS), "127.0.0.1:5060", "127.0.0.1:5070", false, 0L);

        String logged = captured.list.get(0).getFormattedMessage();
        assertTrue(logged.startsWith("[ua-1] RECV 127.0.0.1:5060 -> 127.0.0.1:5070\n"), logged);
        assertTrue(logged.contains("OPTIONS sip:127.0.0.1:5070 SIP/2.0"), logged);
        assertTrue(logged.contains("Call-ID: wire-1"), logged);
    }

    @Test
    void sentResponseCarriesItsStatusNote() throws Exception {
        wireLog.setLevel(Level.DEBUG);

        new Slf4jServerLogger().logMessage(parse(OPTIONS), "127.0.0.1:5070", "127.0.0.1:5060", "200", true, 0L);

        assertTrue(captured.list.get(0).getFormattedMessage().startsWith("[sip] SENT 127.0.0.1:5070 -> "
                + "127.0.0.1:5060 (200)\n"));
    }

    @Test
    void nothingIsLoggedWhenTheWireTraceIsOff() throws Exception {
        wireLog.setLevel(Level.INFO);

        new Slf4jServerLogger().logMessage(parse(OPTIONS), "a:1", "b:2", false, 0L);

        assertEquals(0, captured.list.size());
    }

    private static SIPMessage parse(String text) throws Exception {
        return (SIPMessage) SipFactory.getInstance().createMessageFactory().createRequest(text);
    }
}
