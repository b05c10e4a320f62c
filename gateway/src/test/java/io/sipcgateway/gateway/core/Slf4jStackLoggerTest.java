package io.sipcgateway.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gov.nist.core.CommonLogger;
import gov.nist.core.LogLevels;
import gov.nist.core.StackLogger;
import gov.nist.javax.sip.SipStackImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class Slf4jStackLoggerTest {

    private final Logger stackLog = (Logger) LoggerFactory.getLogger(Slf4jStackLogger.LOGGER_NAME);
    private final Logger wireLog = (Logger) LoggerFactory.getLogger(Slf4jServerLogger.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level stackLevel;
    private Level wireLevel;
    private boolean additive;

    @BeforeEach
    void captureStackLogger() {
        stackLevel = stackLog.getLevel();
        wireLevel = wireLog.getLevel();
        captured.start();
        // Only the capture sees what these tests log: no console noise from deliberate errors.
        additive = stackLog.isAdditive();
        stackLog.setAdditive(false);
        stackLog.addAppender(captured);
    }

    @AfterEach
    void restoreLevels() {
        stackLog.detachAppender(captured);
        stackLog.setAdditive(additive);
        stackLog.setLevel(stackLevel);
        wireLog.setLevel(wireLevel);
    }

    @Test
    void jainSipLevelsFollowTheSlf4jLevel() {
        stackLog.setLevel(Level.WARN);
        wireLog.setLevel(Level.OFF);
        Slf4jStackLogger logger = new Slf4jStackLogger();

        assertFalse(logger.isLoggingEnabled(LogLevels.TRACE_NONE));
        assertTrue(logger.isLoggingEnabled(LogLevels.TRACE_FATAL));
        assertTrue(logger.isLoggingEnabled(LogLevels.TRACE_ERROR));
        assertTrue(logger.isLoggingEnabled(LogLevels.TRACE_WARN));
        assertFalse(logger.isLoggingEnabled(LogLevels.TRACE_INFO));
        assertFalse(logger.isLoggingEnabled(LogLevels.TRACE_DEBUG));
        assertFalse(logger.isLoggingEnabled(LogLevels.TRACE_TRACE));

        stackLog.setLevel(Level.TRACE);
        assertTrue(logger.isLoggingEnabled(LogLevels.TRACE_DEBUG));
        assertTrue(logger.isLoggingEnabled(LogLevels.TRACE_TRACE));
    }

    @Test
    void wireTraceOpensTheMessageGateWithoutLettingStackInfoThrough() {
        stackLog.setLevel(Level.WARN);
        wireLog.setLevel(Level.DEBUG);
        Slf4jStackLogger logger = new Slf4jStackLogger();

        // TRACE_MESSAGES == TRACE_INFO: jain-sip asks for it before handing a message to its ServerLogger.
        assertTrue(logger.isLoggingEnabled(LogLevels.TRACE_MESSAGES));
        logger.logInfo("stack chatter");
        logger.logWarning("real problem");

        assertEquals(List.of("real problem"), messages());
        assertEquals(Level.WARN, captured.list.get(0).getLevel());
    }

    @Test
    void disableLoggingSilencesEverythingUntilEnabledAgain() {
        stackLog.setLevel(Level.TRACE);
        Slf4jStackLogger logger = new Slf4jStackLogger();

        logger.disableLogging();
        logger.logError("dropped");
        assertFalse(logger.isLoggingEnabled(LogLevels.TRACE_ERROR));
        assertFalse(logger.isLoggingEnabled());
        logger.enableLogging();
        logger.logError("kept", new IllegalStateException("cause"));

        assertEquals(List.of("kept"), messages());
        assertEquals("cause", captured.list.get(0).getThrowableProxy().getMessage());
        assertEquals(1, logger.getLineCount());
    }

    @Test
    void fatalErrorsAreLoggedAsErrorsWithAMarkerInTheText() {
        new Slf4jStackLogger().logFatalError("stack is broken");

        assertEquals(Level.ERROR, captured.list.get(0).getLevel());
        assertEquals("FATAL: stack is broken", captured.list.get(0).getFormattedMessage());
    }

    @Test
    void requestedStackTraceStartsAtTheCallerNotInsideTheLogger() {
        stackLog.setLevel(Level.DEBUG);

        new Slf4jStackLogger().logStackTrace();

        String trace = captured.list.get(0).getFormattedMessage();
        String firstFrame = trace.lines().skip(1).findFirst().orElseThrow();
        assertTrue(firstFrame.contains(Slf4jStackLoggerTest.class.getName()), firstFrame);
        assertFalse(trace.contains(Slf4jStackLogger.class.getName() + "."), trace);
    }

    @Test
    void loggerNameCarriesTheStackName() {
        Slf4jStackLogger logger = new Slf4jStackLogger();
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "core-side");

        logger.setStackProperties(properties);

        assertEquals(Slf4jStackLogger.LOGGER_NAME + "[core-side]", logger.getLoggerName());
    }

    @Test
    void installRoutesJainSipStaticLoggersToSlf4jWithoutLog4j() {
        stackLog.setLevel(Level.WARN);
        Slf4jStackLogger.install();
        Slf4jStackLogger.install();

        // What every jain-sip class does in its static initializer; without install() (and with no stack yet) this
        // fails with NoClassDefFoundError: org/apache/log4j/Priority (log4j is not on the class path).
        StackLogger classLogger = CommonLogger.getLogger(Slf4jStackLoggerTest.class);
        classLogger.logWarning("through CommonLogger");

        assertInstanceOf(Slf4jStackLogger.class, CommonLogger.legacyLogger);
        assertEquals(List.of("through CommonLogger"), messages());
    }

    @Test
    void stackCreatedWithTheStackLoggerPropertyLogsThroughSlf4j() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "slf4j-logger-test");
        properties.setProperty(Slf4jStackLogger.STACK_LOGGER_PROPERTY, Slf4jStackLogger.class.getName());
        properties.setProperty(Slf4jServerLogger.SERVER_LOGGER_PROPERTY, Slf4jServerLogger.class.getName());

        SipStackImpl stack = new SipStackImpl(properties);
        try {
            assertInstanceOf(Slf4jStackLogger.class, CommonLogger.legacyLogger);
            assertInstanceOf(Slf4jServerLogger.class, stack.getServerLogger());
        } finally {
            stack.stop();
        }
    }

    private List<String> messages() {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
