package io.sipcgateway.gateway.core;

import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import gov.nist.core.CommonLogger;
import gov.nist.core.LogLevels;
import gov.nist.core.StackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's internal logger on SLF4J, so the stack never touches log4j 1.x (which jain-sip-ri only declares as
 * {@code provided}: without it the first level check ends in {@code NoClassDefFoundError: org/apache/log4j/Priority}).
 * Select it with the stack property {@link #STACK_LOGGER_PROPERTY}, and call {@link #install()} before using any
 * jain-sip factory or parser without a stack. Stack messages go to the SLF4J logger {@value #LOGGER_NAME}.
 */
public final class Slf4jStackLogger implements StackLogger {

    /** The jain-sip stack property naming the {@link StackLogger} class; it needs a public no-arg constructor. */
    public static final String STACK_LOGGER_PROPERTY = "gov.nist.javax.sip.STACK_LOGGER";

    /** SLF4J logger that receives the stack's own diagnostics. */
    public static final String LOGGER_NAME = "gov.nist.javax.sip";

    private final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    private final AtomicInteger lineCount = new AtomicInteger();
    private volatile boolean enabled = true;
    private volatile String stackName = "";

    /** Used by jain-sip, which instantiates the class named in {@link #STACK_LOGGER_PROPERTY} reflectively. */
    public Slf4jStackLogger() {
    }

    /**
     * Routes jain-sip's static per-class loggers to SLF4J before any stack exists. Every jain-sip class logs through
     * {@code CommonLogger}, which uses the static {@code CommonLogger.legacyLogger} when set and log4j otherwise.
     * {@code SipStackImpl} sets that field from {@link #STACK_LOGGER_PROPERTY}, but factories and the parser used
     * without a stack (as the mapping module does) run before that. Idempotent. Also replaces a logger left by a
     * stack created without {@link #STACK_LOGGER_PROPERTY}: that one is jain-sip's log4j {@code LogWriter}.
     */
    public static synchronized void install() {
        // The field is a JVM-wide singleton in jain-sip: the last stack created wins. All instances of this class log
        // to the same SLF4J logger, so which one wins does not matter.
        CommonLogger.useLegacyLogger = true;
        if (!(CommonLogger.legacyLogger instanceof Slf4jStackLogger)) {
            CommonLogger.legacyLogger = new Slf4jStackLogger();
        }
    }

    /**
     * Maps a jain-sip {@link LogLevels} constant onto the SLF4J level. {@code TRACE_MESSAGES} equals
     * {@code TRACE_INFO} (16), and jain-sip asks for it before handing each SIP message to its {@code ServerLogger}.
     * So level 16 is also "on" when {@link Slf4jServerLogger}'s wire logger is at DEBUG; the stack's own INFO lines
     * are still filtered by SLF4J in {@link #logInfo}.
     */
    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (!enabled) {
            return false;
        }
        if (logLevel <= LogLevels.TRACE_NONE) {
            return false;
        }
        if (logLevel <= LogLevels.TRACE_ERROR) {
            return log.isErrorEnabled();
        }
        if (logLevel <= LogLevels.TRACE_WARN) {
            return log.isWarnEnabled();
        }
        if (logLevel <= LogLevels.TRACE_INFO) {
            return log.isInfoEnabled() || Slf4jServerLogger.wireLoggingEnabled();
        }
        if (logLevel <= LogLevels.TRACE_DEBUG) {
            return log.isDebugEnabled();
        }
        return log.isTraceEnabled();
    }

    @Override
    public boolean isLoggingEnabled() {
        // jain-sip's LogWriter answers "is anything at all logged"; the cheapest honest answer is ERROR.
        return enabled && log.isErrorEnabled();
    }

    @Override
    public void logDebug(String message) {
        if (enabled) {
            count();
            log.debug(message);
        }
    }

    @Override
    public void logDebug(String message, Exception ex) {
        if (enabled) {
            count();
            log.debug(message, ex);
        }
    }

    @Override
    public void logTrace(String message) {
        if (enabled) {
            count();
            log.trace(message);
        }
    }

    @Override
    public void logInfo(String message) {
        if (enabled) {
            count();
            log.info(message);
        }
    }

    @Override
    public void logWarning(String message) {
        if (enabled) {
            count();
            log.warn(message);
        }
    }

    @Override
    public void logError(String message) {
        if (enabled) {
            count();
            log.error(message);
        }
    }

    @Override
    public void logError(String message, Exception ex) {
        if (enabled) {
            count();
            log.error(message, ex);
        }
    }

    @Override
    public void logFatalError(String message) {
        if (enabled) {
            count();
            log.error("FATAL: {}", message);
        }
    }

    @Override
    public void logException(Throwable ex) {
        if (enabled) {
            count();
            log.error("jain-sip exception", ex);
        }
    }

    @Override
    public void logStackTrace() {
        logStackTrace(LogLevels.TRACE_DEBUG);
    }

    /** jain-sip calls this to record where it is; logged at the given level, without this method's own frame. */
    @Override
    public void logStackTrace(int traceLevel) {
        if (!isLoggingEnabled(traceLevel)) {
            return;
        }
        StackTraceElement[] frames = Thread.currentThread().getStackTrace();
        // frames[0] is Thread.getStackTrace, frames[1] this method (or logStackTrace()): skip our own frames.
        String trace = Arrays.stream(frames)
                .skip(1)
                .dropWhile(frame -> frame.getClassName().equals(Slf4jStackLogger.class.getName()))
                .map(frame -> "    at " + frame)
                .collect(Collectors.joining(System.lineSeparator()));
        String message = "stack trace requested by jain-sip" + System.lineSeparator() + trace;
        if (traceLevel <= LogLevels.TRACE_ERROR) {
            logError(message);
        } else if (traceLevel <= LogLevels.TRACE_WARN) {
            logWarning(message);
        } else if (traceLevel <= LogLevels.TRACE_INFO) {
            logInfo(message);
        } else {
            logDebug(message);
        }
    }

    @Override
    public int getLineCount() {
        return lineCount.get();
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        log.debug("jain-sip build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Only the name is kept, for getLoggerName(); levels come from the SLF4J backend's configuration, never from
        // gov.nist.javax.sip.TRACE_LEVEL (its value "LOG4J" would switch jain-sip back to log4j).
        String name = stackProperties.getProperty("javax.sip.STACK_NAME");
        stackName = name == null ? "" : name;
    }

    @Override
    public String getLoggerName() {
        return stackName.isEmpty() ? log.getName() : log.getName() + "[" + stackName + "]";
    }

    private void count() {
        lineCount.incrementAndGet();
    }
}
